package io.ssm4j.inference.messages;

import java.util.Arrays;

/**
 * Independent truth for small chains: enumerates all K^T state paths, computing each path's log joint
 * log pi(z_0) + l_0(z_0) + sum_t (log P_{t-1}(z_{t-1}, z_t) + l_t(z_t)) directly, then every posterior
 * quantity by summing exp(log joint - log Z) over paths.
 */
final class BruteForceHmm {
    final int k;
    final int length;
    final double[] pathLogJoint;
    final double logZ;
    final double[] gamma;
    final double[] xiSum;
    final double[] xiPerStep;
    final int[] bestPath;
    final double bestLogJoint;

    BruteForceHmm(double[] pi, TransitionMatrices trans, double[] ll, int length) {
        this.k = trans.numStates();
        this.length = length;
        int paths = (int) Math.pow(k, length);
        pathLogJoint = new double[paths];
        double max = Double.NEGATIVE_INFINITY;
        int best = 0;
        for (int code = 0; code < paths; code++) {
            int[] z = decode(code);
            double lj = Math.log(pi[z[0]]) + ll[z[0]];
            for (int t = 1; t < length; t++) {
                lj += Math.log(trans.flatView()[trans.offset(t - 1) + z[t - 1] * k + z[t]]) + ll[t * k + z[t]];
            }
            pathLogJoint[code] = lj;
            if (lj > max) {
                max = lj;
                best = code;
            }
        }
        double s = 0;
        for (double lj : pathLogJoint) s += Math.exp(lj - max);
        logZ = max + Math.log(s);
        bestPath = decode(best);
        bestLogJoint = max;
        gamma = new double[length * k];
        xiSum = new double[k * k];
        xiPerStep = new double[Math.max(0, length - 1) * k * k];
        for (int code = 0; code < paths; code++) {
            double w = Math.exp(pathLogJoint[code] - logZ);
            int[] z = decode(code);
            for (int t = 0; t < length; t++) gamma[t * k + z[t]] += w;
            for (int t = 0; t + 1 < length; t++) {
                xiSum[z[t] * k + z[t + 1]] += w;
                xiPerStep[t * k * k + z[t] * k + z[t + 1]] += w;
            }
        }
    }

    /** Path number {@code code} in base K, z_0 the least significant digit. */
    int[] decode(int code) {
        int[] z = new int[length];
        for (int t = 0; t < length; t++) {
            z[t] = code % k;
            code /= k;
        }
        return z;
    }

    int encode(int[] z) {
        int code = 0;
        for (int t = length - 1; t >= 0; t--) code = code * k + z[t];
        return code;
    }

    double pathProbability(int code) { return Math.exp(pathLogJoint[code] - logZ); }

    @Override
    public String toString() { return "BruteForceHmm(k=" + k + ", T=" + length + ", logZ=" + logZ + ", best=" + Arrays.toString(bestPath) + ")"; }
}

package io.ssm4j.inference.lds;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small seeded LDS models and data for the EM tests. */
final class LdsTestModels {
    private LdsTestModels() {}

    /** D = 2 rotation-like dynamics, N outputs, optional inputs of width m (B, D nonzero) and biases. */
    static LinearGaussianStateSpaceModel model(int n, int m, boolean biases) {
        Rng rng = Rng.seeded(11);
        double th = 0.3, rho = 0.95;
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("A", NdArray.of(new double[] {rho * Math.cos(th), -rho * Math.sin(th), rho * Math.sin(th), rho * Math.cos(th)}, 2, 2));
        p.put("Q", NdArray.of(new double[] {0.1, 0.02, 0.02, 0.08}, 2, 2));
        double[] c = new double[n * 2], r = new double[n * n], d = new double[n], b = {0.2, -0.1};
        for (int i = 0; i < c.length; i++) c[i] = rng.gaussian();
        for (int i = 0; i < n; i++) {
            r[i * n + i] = 0.2 + 0.1 * i;
            d[i] = biases ? rng.gaussian() : 0;
        }
        p.put("C", NdArray.of(c, n, 2));
        p.put("R", NdArray.of(r, n, n));
        p.put("m0", NdArray.of(new double[] {1, -1}, 2));
        p.put("P0", NdArray.of(new double[] {0.5, 0, 0, 0.5}, 2, 2));
        if (biases) {
            p.put("b", NdArray.of(b, 2));
            p.put("d", NdArray.of(d, n));
        }
        if (m > 0) {
            double[] bm = new double[2 * m], dm = new double[n * m];
            for (int i = 0; i < bm.length; i++) bm[i] = 0.5 * rng.gaussian();
            for (int i = 0; i < dm.length; i++) dm[i] = 0.5 * rng.gaussian();
            p.put("B", NdArray.of(bm, 2, m));
            p.put("D", NdArray.of(dm, n, m));
        }
        return LinearGaussianStateSpaceModel.fromParameters(p);
    }

    /** A draw of length t (with standard normal inputs when the model has them). */
    static LinearGaussianStateSpaceModel.Sample sample(LinearGaussianStateSpaceModel model, int t, long seed) {
        Rng rng = Rng.seeded(seed);
        double[] u = null;
        if (model.inputDim() > 0) {
            u = new double[t * model.inputDim()];
            for (int i = 0; i < u.length; i++) u[i] = rng.gaussian();
        }
        return model.sample(t, u, rng);
    }

    /** y with each entry hidden with probability frac (true = observed). */
    static TimeSeries maskEntries(TimeSeries y, double frac, long seed) {
        Rng rng = Rng.seeded(seed);
        boolean[] keep = new boolean[y.length() * y.dim()];
        for (int i = 0; i < keep.length; i++) keep[i] = rng.uniform() >= frac;
        return y.withMask(keep);
    }

    /** A perturbed copy of the model (every entry of A, C, b, d, B, D moved by scale * N(0, 1)). */
    static LinearGaussianStateSpaceModel perturbed(LinearGaussianStateSpaceModel model, double scale, long seed) {
        Rng rng = Rng.seeded(seed);
        Map<String, NdArray> p = model.parameters();
        for (String k : new String[] {"A", "C", "b", "d", "B", "D"}) {
            NdArray a = p.get(k);
            if (a == null) continue;
            double[] v = a.toArray();
            for (int i = 0; i < v.length; i++) v[i] += scale * rng.gaussian();
            p.put(k, NdArray.of(v, a.shape()));
        }
        return LinearGaussianStateSpaceModel.fromParameters(p);
    }
}

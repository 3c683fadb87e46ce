package io.ssm4j.inference.lds;

import io.ssm4j.distributions.RegressionStats;

/**
 * The expected sufficient statistics of LDS EM over some trials (Shumway and Stoffer 1982), with
 * z_t = [x_t; u_t; 1] (length P = D + M + 1) and every expectation under p(x | y, theta):
 * <pre>
 *   initial:   K trials, sum_k E[x_1], sum_k E[x_1 x_1^T]
 *   dynamics:  n = sum_k (T_k - 1), ZZ = sum E[z_t z_t^T], YZ = sum E[x_{t+1} z_t^T], YY = sum E[x_{t+1} x_{t+1}^T]
 *   emissions: over fully observed steps, n, ZZ = sum E[z_t z_t^T], YZ = sum y_t E[z_t]^T, YY = sum y_t y_t^T
 *   partial rows: for each output i, the same sums (with y_ti) over the steps where y_t is only partly observed
 *                 and y_ti is observed (null when no step is partly observed)
 * </pre>
 * with E[x_t x_t^T] = P_{t|T} + m_{t|T} m_{t|T}^T and E[x_{t+1} x_t^T] = V_{t+1,t|T} + m_{t+1|T} m_{t|T}^T, plus the summed
 * log marginal likelihood. A value that adds ({@link #plus}), so trials can be split over threads or machines and
 * reduced in any grouping.
 */
public record LdsStatistics(double trials, double[] initialSum, double[] initialOuterSum, RegressionStats dynamics,
                            RegressionStats emissions, RegressionStats[] partialRows, double logLikelihood) {
    /** The statistics of both sets of trials. */
    public LdsStatistics plus(LdsStatistics o) {
        double[] s = initialSum.clone(), ss = initialOuterSum.clone();
        for (int i = 0; i < s.length; i++) s[i] += o.initialSum[i];
        for (int i = 0; i < ss.length; i++) ss[i] += o.initialOuterSum[i];
        RegressionStats[] rows = partialRows;
        if (rows == null) {
            rows = o.partialRows;
        } else if (o.partialRows != null) {
            rows = new RegressionStats[partialRows.length];
            for (int i = 0; i < rows.length; i++) rows[i] = partialRows[i].plus(o.partialRows[i]);
        }
        return new LdsStatistics(trials + o.trials, s, ss, dynamics.plus(o.dynamics), emissions.plus(o.emissions), rows,
                logLikelihood + o.logLikelihood);
    }

    /** True when some step was only partly observed (the emission noise must then be diagonal). */
    public boolean hasPartialRows() { return partialRows != null; }
}

package io.ssm4j.inference.em;

import io.ssm4j.models.ArrayStatistics;
import io.ssm4j.models.hmm.TransitionStatistics;

/**
 * The expected sufficient statistics of an HMM E-step over some trials, and their summed log marginal
 * likelihood. Adds associatively, so trials can be split over threads (or machines) and reduced in any
 * grouping.
 */
public record HmmStatistics(double[] initialCounts, TransitionStatistics transitions, ArrayStatistics emissions,
                            double logLikelihood) {
    public HmmStatistics plus(HmmStatistics o) {
        double[] c = initialCounts.clone();
        for (int i = 0; i < c.length; i++) c[i] += o.initialCounts[i];
        return new HmmStatistics(c, transitions.plus(o.transitions), emissions.plus(o.emissions),
                logLikelihood + o.logLikelihood);
    }
}

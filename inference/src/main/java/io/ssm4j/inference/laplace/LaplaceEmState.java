package io.ssm4j.inference.laplace;

import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a Laplace-EM iteration of {@link PoissonLdsFitter} starts from: the model, and per trial the path (T x D,
 * row-major) from which the E-step's Newton iterations start: the previous E-step's posterior mode, the PCA start's
 * smoothed path, or null for x = 0. Newton's result depends on its start, so a checkpoint of Laplace-EM holds both.
 *
 * @param warmStarts one entry per trial, each T x D or null; the arrays are shared, not copied
 */
public record LaplaceEmState(GeneralizedLinearDynamicalSystem model, List<double[]> warmStarts) {
    public LaplaceEmState {
        if (model == null || warmStarts == null) throw new IllegalArgumentException("model and warmStarts must not be null");
        warmStarts = Collections.unmodifiableList(new ArrayList<>(warmStarts));
    }
}

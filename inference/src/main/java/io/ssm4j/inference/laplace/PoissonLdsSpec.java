package io.ssm4j.inference.laplace;

import io.ssm4j.models.lds.EmissionFamily;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;

/**
 * What to fit with {@link PoissonLdsFitter}: the latent dimension D, the emission family and link, and the start,
 * either a given model or the deterministic PCA initialisation of {@link GlmLdsInitializer} with Gaussian smoothing
 * of the counts over smoothingWidth bins (standard deviation; 0 for none).
 *
 * @param initial a starting model (its D and family must match), or null for the PCA initialisation
 */
public record PoissonLdsSpec(int latentDim, EmissionFamily family, double smoothingWidth, GeneralizedLinearDynamicalSystem initial) {
    public PoissonLdsSpec {
        if (latentDim < 1) throw new IllegalArgumentException("latent dimension must be >= 1, got " + latentDim);
        if (family == null) throw new IllegalArgumentException("family must not be null");
        if (!(smoothingWidth >= 0) || Double.isInfinite(smoothingWidth)) {
            throw new IllegalArgumentException("smoothingWidth must be finite and >= 0, got " + smoothingWidth);
        }
        if (initial != null && (initial.latentDim() != latentDim || initial.family() != family)) {
            throw new IllegalArgumentException("initial model " + initial + " does not match D = " + latentDim + ", " + family.id());
        }
    }

    /** PCA initialisation with smoothing over 2 bins. */
    public static PoissonLdsSpec of(int latentDim, EmissionFamily family) {
        return new PoissonLdsSpec(latentDim, family, 2.0, null);
    }

    /** This spec starting from the given model. */
    public PoissonLdsSpec startingFrom(GeneralizedLinearDynamicalSystem model) {
        return new PoissonLdsSpec(latentDim, family, smoothingWidth, model);
    }

    /** This spec with another smoothing width for the PCA initialisation. */
    public PoissonLdsSpec withSmoothing(double width) {
        return new PoissonLdsSpec(latentDim, family, width, initial);
    }
}

package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.Map;

/**
 * A linear dynamical system read from a model.json or a parameter .npz: either a Gaussian LDS or a GLM-LDS
 * (Poisson / Bernoulli emissions), with the family that says which.
 *
 * @param gaussian the model when the emissions are Gaussian, else null
 * @param glm      the model when the emissions are Poisson or Bernoulli, else null
 */
record LoadedLds(LdsEmissions emissions, LinearGaussianStateSpaceModel gaussian, GeneralizedLinearDynamicalSystem glm) {
    LoadedLds {
        if ((emissions == LdsEmissions.GAUSSIAN) != (gaussian != null) || (gaussian == null) == (glm == null)) {
            throw new IllegalArgumentException("exactly the model of the family " + emissions + " must be given");
        }
    }

    /**
     * Builds the model of the family from named parameters.
     *
     * @throws IllegalArgumentException naming the parameter when one is missing, misshapen or invalid
     */
    static LoadedLds of(LdsEmissions emissions, Map<String, NdArray> parameters) {
        return emissions == LdsEmissions.GAUSSIAN
                ? new LoadedLds(emissions, LinearGaussianStateSpaceModel.fromParameters(parameters), null)
                : new LoadedLds(emissions, null, GeneralizedLinearDynamicalSystem.fromParameters(emissions.family(), parameters));
    }

    /** True for Gaussian emissions. */
    boolean isGaussian() { return gaussian != null; }

    /** The parameters by name (copies). */
    Map<String, NdArray> parameters() { return isGaussian() ? gaussian.parameters() : glm.parameters(); }

    int latentDim() { return isGaussian() ? gaussian.latentDim() : glm.latentDim(); }

    int obsDim() { return isGaussian() ? gaussian.obsDim() : glm.obsDim(); }

    /** Width of the inputs u_t (0 for the GLM families, which take none). */
    int inputDim() { return isGaussian() ? gaussian.inputDim() : 0; }
}

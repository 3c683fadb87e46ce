package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import io.ssm4j.models.lds.EmissionFamily;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small seeded data files for command-line tests: a Poisson HMM, a rotating Gaussian LDS and a Poisson LDS. */
final class SimulatedFiles {
    private SimulatedFiles() {}

    /** 400 steps of 2 Poisson channels from a 2-state HMM. */
    static Path hmmCounts(Path dir) throws IOException {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("transition_matrix", NdArray.of(new double[] {0.9, 0.1, 0.2, 0.8}, 2, 2));
        p.put("rates", NdArray.of(new double[] {1, 4, 5, 0.5}, 2, 2));
        return write(dir.resolve("hmm.npz"), HmmFactory.fromParameters(HmmSpec.of(2, 2, EmissionType.POISSON), p)
                .sample(400, null, 0, Rng.seeded(1)).observations().valuesView(), 400, 2);
    }

    /** The parameters of a slowly rotating 2-D LDS seen through 4 noisy channels. */
    static Map<String, NdArray> rotation() {
        Map<String, NdArray> q = new LinkedHashMap<>();
        q.put("A", NdArray.of(new double[] {0.93, -0.25, 0.25, 0.93}, 2, 2));
        q.put("Q", NdArray.of(new double[] {0.1, 0, 0, 0.1}, 2, 2));
        q.put("C", NdArray.of(new double[] {1, 0, 0.5, 1, -1, 0.3, 0.2, -0.7}, 4, 2));
        q.put("R", NdArray.of(new double[] {0.3, 0, 0, 0, 0, 0.2, 0, 0, 0, 0, 0.4, 0, 0, 0, 0, 0.25}, 4, 4));
        q.put("m0", NdArray.of(new double[] {1, -1}, 2));
        q.put("P0", NdArray.of(new double[] {1, 0, 0, 1}, 2, 2));
        return q;
    }

    /** 200 steps of the {@link #rotation()} LDS. */
    static Path lds(Path dir) throws IOException {
        return write(dir.resolve("lds.npz"), LinearGaussianStateSpaceModel.fromParameters(rotation()).sample(200, null, Rng.seeded(2))
                .observations().valuesView(), 200, 4);
    }

    /** 150 steps of 6 Poisson channels driven by a rotating 2-D latent (exp link). */
    static Path poissonLds(Path dir) throws IOException {
        Map<String, NdArray> g = new LinkedHashMap<>();
        g.put("A", NdArray.of(new double[] {0.95, -0.2, 0.2, 0.95}, 2, 2));
        g.put("Q", NdArray.of(new double[] {0.03, 0, 0, 0.03}, 2, 2));
        g.put("m0", NdArray.of(new double[] {0.5, 0}, 2));
        g.put("P0", NdArray.of(new double[] {0.1, 0, 0, 0.1}, 2, 2));
        g.put("C", NdArray.of(new double[] {0.8, 0, 0, 0.8, 0.6, 0.6, -0.6, 0.5, 0.7, -0.4, -0.5, -0.6}, 6, 2));
        g.put("d", NdArray.of(new double[] {0.2, 0, -0.3, 0.4, 0.1, -0.1}, 6));
        return write(dir.resolve("counts.npz"), GeneralizedLinearDynamicalSystem.fromParameters(EmissionFamily.POISSON_EXP, g)
                .sample(150, Rng.seeded(3)).observations().valuesView(), 150, 6);
    }

    private static Path write(Path f, double[] values, int steps, int dim) throws IOException {
        Npz.write(f, Map.of("trial", NdArray.of(values, steps, dim)));
        return f;
    }
}

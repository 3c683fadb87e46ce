package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ssm4j sample}: draws states and observations from a model into an .npz (arrays "states": T integer states of
 * an HMM or T x D latent states of an LDS (Gaussian, Poisson or Bernoulli emissions), and "observations").
 */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Sample a sequence from a model.")
final class SampleCommand implements Callable<Integer> {
    @Mixin ModelSource source;

    @Option(names = "--steps", required = true, paramLabel = "T", description = "Number of time steps")
    int steps;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE.npz", description = "Output file")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (steps < 1) throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        String what;
        if (source.isLds()) {
            LoadedLds lds = source.loadLds();
            double[] states;
            TimeSeries y;
            if (lds.isGaussian()) {
                LinearGaussianStateSpaceModel m = lds.gaussian();
                if (m.inputDim() > 0) throw new IllegalArgumentException("sample: the model takes inputs (M = " + m.inputDim() + "), which sample does not read");
                LinearGaussianStateSpaceModel.Sample s = m.sample(steps, null, Rng.seeded(seed));
                states = s.states();
                y = s.observations();
            } else {
                GeneralizedLinearDynamicalSystem.Sample s = lds.glm().sample(steps, Rng.seeded(seed));
                states = s.states();
                y = s.observations();
            }
            arrays.put("states", NdArray.of(states, steps, lds.latentDim()));
            arrays.put("observations", NdArray.of(y.toArrayWithNaN(), steps, lds.obsDim()));
            what = "a " + lds.latentDim() + "-dimensional " + lds.emissions().title();
        } else {
            HiddenMarkovModel m = source.load().model();
            HiddenMarkovModel.Sample s = m.sample(steps, null, 0, Rng.seeded(seed));
            arrays.put("states", NdArray.of(NdArray.DType.INT64, Arrays.stream(s.states()).asDoubleStream().toArray(), steps));
            arrays.put("observations", NdArray.of(s.observations().toArrayWithNaN(), steps, m.dim()));
            what = "a " + m.numStates() + "-state model";
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Npz.write(out, arrays);
        System.out.printf("sampled %d steps from %s into %s%n", steps, what, out);
        return 0;
    }
}

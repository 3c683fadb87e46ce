package io.ssm4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.data.NdArray;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.inference.em.FitterState;
import io.ssm4j.inference.fit.EmProgress;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.fit.GibbsProgress;
import io.ssm4j.inference.laplace.LaplaceEmState;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmSpec;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each fit's state goes into a {@link FitCheckpoints checkpoint} and comes back bit for bit: models as model.json
 * files (doubles in their shortest round-tripping form), traces as JSON numbers, the random stream's state as two
 * longs, Laplace-EM's warm starts as an .npz.
 * <ul>
 *   <li>EM ({@link EmProgress}): file current, field objective;</li>
 *   <li>HMM EM with restarts ({@link FitterState}): the EM fields plus restart and the best finished restart (file best,
 *       field best with its objective, iterations, seconds and stopping reason);</li>
 *   <li>Gibbs ({@link GibbsProgress}): files current and best, fields trace and rng (seed, gamma).</li>
 * </ul>
 */
final class CheckpointCodecs {
    private CheckpointCodecs() {}

    /** Puts a value into a checkpoint under a name and reads it back. */
    interface Codec<T> {
        void put(FitCheckpoints.Snapshot snapshot, String name, T value);

        T get(FitCheckpoints.Saved saved, String name) throws IOException;
    }

    /** Writes a model to a file. */
    @FunctionalInterface
    interface ModelWriter<M> {
        void write(Path file, M model) throws IOException;
    }

    /** Reads a model from a file. */
    @FunctionalInterface
    interface ModelReader<M> {
        M read(Path file) throws IOException;
    }

    /** Models as one file each, {@code <name>.json}. */
    static <M> Codec<M> json(ModelWriter<M> writer, ModelReader<M> reader) {
        return new Codec<>() {
            @Override
            public void put(FitCheckpoints.Snapshot s, String name, M m) {
                s.file(name + ".json", f -> writer.write(f, m));
            }

            @Override
            public M get(FitCheckpoints.Saved s, String name) throws IOException {
                return reader.read(s.file(name + ".json"));
            }
        };
    }

    /** HMMs and ARHMMs of the spec, as model.json. */
    static Codec<HiddenMarkovModel> hmm(HmmSpec spec) {
        return json((f, m) -> ModelFile.write(f, spec, m, null), f -> ModelFile.read(f).model());
    }

    /** Gaussian LDSs, as model.json. */
    static Codec<LinearGaussianStateSpaceModel> lds() {
        return json((f, m) -> LdsModelFile.write(f, m, null, null), f -> LdsModelFile.read(f).gaussian());
    }

    /** A Laplace-EM state: the GLM-LDS as model.json, the warm starts as {@code trial_<i>} arrays (T x D) of an .npz. */
    static Codec<LaplaceEmState> laplaceEm() {
        return new Codec<>() {
            @Override
            public void put(FitCheckpoints.Snapshot s, String name, LaplaceEmState state) {
                GeneralizedLinearDynamicalSystem m = state.model();
                s.file(name + ".json", f -> LdsModelFile.write(f, m, null, null));
                s.state().put(name + "_trials", state.warmStarts().size());
                s.file(name + "-warm-starts.npz", f -> {
                    Map<String, NdArray> arrays = new LinkedHashMap<>();
                    List<double[]> starts = state.warmStarts();
                    for (int i = 0; i < starts.size(); i++) {
                        if (starts.get(i) != null) arrays.put("trial_" + i, NdArray.of(starts.get(i), starts.get(i).length / m.latentDim(), m.latentDim()));
                    }
                    Npz.write(f, arrays);
                });
            }

            @Override
            public LaplaceEmState get(FitCheckpoints.Saved s, String name) throws IOException {
                GeneralizedLinearDynamicalSystem m = LdsModelFile.read(s.file(name + ".json")).glm();
                Map<String, NdArray> arrays = Npz.read(s.file(name + "-warm-starts.npz"));
                List<double[]> starts = new ArrayList<>();
                for (int i = 0; i < s.field(name + "_trials").asInt(); i++) {
                    NdArray a = arrays.get("trial_" + i);
                    starts.add(a == null ? null : a.toArray());
                }
                return new LaplaceEmState(m, starts);
            }
        };
    }

    /** An EM run's progress: its model (under name) and objective trace. */
    static <M> Codec<EmProgress<M>> em(Codec<M> models) {
        return new Codec<>() {
            @Override
            public void put(FitCheckpoints.Snapshot s, String name, EmProgress<M> p) {
                models.put(s, name, p.model());
                FitCheckpoints.putDoubles(s.state(), "objective", p.objective());
            }

            @Override
            public EmProgress<M> get(FitCheckpoints.Saved s, String name) throws IOException {
                return new EmProgress<>(models.get(s, name), FitCheckpoints.doubles(s.field("objective")));
            }
        };
    }

    /** HMM EM with restarts: the restart in progress, its EM progress (as current) and the best finished restart. */
    static Codec<FitterState> restarts(HmmSpec spec) {
        Codec<HiddenMarkovModel> models = hmm(spec);
        Codec<EmProgress<HiddenMarkovModel>> progress = em(models);
        return new Codec<>() {
            @Override
            public void put(FitCheckpoints.Snapshot s, String name, FitterState state) {
                progress.put(s, name, state.current());
                s.state().put("restart", state.restart());
                FitResult<HiddenMarkovModel> best = state.best();
                if (best == null) return;
                models.put(s, "best", best.model());
                ObjectNode b = s.state().putObject("best");
                FitCheckpoints.putDoubles(b, "objective", best.objective());
                b.put("iterations", best.iterations());
                b.put("wall_seconds", best.wallSeconds());
                b.put("converged", best.converged());
                b.put("reason", best.reason());
            }

            @Override
            public FitterState get(FitCheckpoints.Saved s, String name) throws IOException {
                JsonNode b = s.state().get("best");
                FitResult<HiddenMarkovModel> best = b == null ? null : new FitResult<>(models.get(s, "best"),
                        FitCheckpoints.doubles(b.path("objective")), b.path("iterations").asInt(), b.path("wall_seconds").asDouble(),
                        b.path("converged").asBoolean(), b.path("reason").asText());
                return new FitterState(s.field("restart").asInt(), progress.get(s, name), best);
            }
        };
    }

    /** A Gibbs run's progress: the next sweep's parameters (under name), the best sample, the trace and the stream. */
    static <M> Codec<GibbsProgress<M>> gibbs(Codec<M> models) {
        return new Codec<>() {
            @Override
            public void put(FitCheckpoints.Snapshot s, String name, GibbsProgress<M> p) {
                models.put(s, name, p.model());
                models.put(s, "best", p.best());
                FitCheckpoints.putDoubles(s.state(), "trace", p.trace());
                ObjectNode rng = s.state().putObject("rng");
                rng.put("seed", p.rng().seed());
                rng.put("gamma", p.rng().gamma());
            }

            @Override
            public GibbsProgress<M> get(FitCheckpoints.Saved s, String name) throws IOException {
                JsonNode rng = s.field("rng");
                if (!rng.path("seed").isIntegralNumber() || !rng.path("gamma").isIntegralNumber()) {
                    throw new IOException(s.folder() + ": field 'rng' must hold the integers seed and gamma, got " + rng);
                }
                return new GibbsProgress<>(models.get(s, name), FitCheckpoints.doubles(s.field("trace")), models.get(s, "best"),
                        new Rng.State(rng.get("seed").asLong(), rng.get("gamma").asLong()));
            }
        };
    }
}

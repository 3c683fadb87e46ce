package io.ssm4j.inference.fit;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.em.HmmInitializer;
import io.ssm4j.inference.gibbs.HmmGibbsSampler;
import io.ssm4j.inference.laplace.LaplaceEmState;
import io.ssm4j.inference.laplace.PoissonLdsFitter;
import io.ssm4j.inference.laplace.PoissonLdsSpec;
import io.ssm4j.inference.lds.LdsEmOptions;
import io.ssm4j.inference.lds.LdsExpectationMaximization;
import io.ssm4j.inference.lds.LdsGibbsOptions;
import io.ssm4j.inference.lds.LdsGibbsSampler;
import io.ssm4j.inference.lds.LdsInitializer;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import io.ssm4j.models.hmm.TransitionType;
import io.ssm4j.models.lds.EmissionFamily;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Every fit that writes checkpoints, stopped after k iterations (its last progress kept, as a killed run's last
 * checkpoint) and resumed from that progress, ends bit for bit where the uninterrupted run ends: the objective trace
 * and the parameters. Covers LDS EM, Poisson LDS Laplace-EM (whose E-step starts Newton from the previous modes) and the
 * HMM and LDS Gibbs samplers (whose progress carries the random stream's state; resuming with a fresh stream instead
 * gives another chain, so the test can tell).
 */
class ResumeFromProgressTest {
    /** A fit run from its start (from == null) or from a saved progress, for a number of iterations in all. */
    interface Fit<P, M> {
        FitResult<M> run(P from, int iterations, Consumer<P> afterIteration);
    }

    /** Runs stopAt iterations, resumes the last progress to total, and compares with total uninterrupted iterations. */
    private static <P, M> P assertResumesExactly(Fit<P, M> fit, int stopAt, int total, Function<M, Map<String, NdArray>> parameters,
                                                 String what) {
        FitResult<M> full = fit.run(null, total, p -> { });
        List<P> saved = new ArrayList<>();
        fit.run(null, stopAt, saved::add);
        assertEquals(stopAt, saved.size(), what + ": one progress per iteration");
        P last = saved.get(stopAt - 1);
        FitResult<M> resumed = fit.run(last, total, p -> { });
        assertEquals(full.objective().length, resumed.objective().length, what);
        assertArrayEquals(full.objective(), resumed.objective(), what + ": objective trace");
        assertEquals(full.iterations(), resumed.iterations(), what);
        assertEquals(parameters.apply(full.model()), parameters.apply(resumed.model()), what + ": parameters");
        return last;
    }

    private static LinearGaussianStateSpaceModel rotation() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        double th = 0.25, rho = 0.97;
        p.put("A", NdArray.of(new double[] {rho * Math.cos(th), -rho * Math.sin(th), rho * Math.sin(th), rho * Math.cos(th)}, 2, 2));
        p.put("Q", NdArray.of(new double[] {0.1, 0.02, 0.02, 0.08}, 2, 2));
        p.put("C", NdArray.of(new double[] {1, 0, 0.5, 1, -1, 0.3, 0.2, -0.7}, 4, 2));
        p.put("R", NdArray.of(new double[] {0.3, 0, 0, 0, 0, 0.2, 0, 0, 0, 0, 0.4, 0, 0, 0, 0, 0.25}, 4, 4));
        p.put("m0", NdArray.of(new double[] {1, -1}, 2));
        p.put("P0", NdArray.of(new double[] {1, 0, 0, 1}, 2, 2));
        return LinearGaussianStateSpaceModel.fromParameters(p);
    }

    private static Trials ldsData() {
        LinearGaussianStateSpaceModel truth = rotation();
        return Trials.of(truth.sample(150, null, Rng.seeded(1)).observations(), truth.sample(90, null, Rng.seeded(2)).observations());
    }

    @Test
    void ldsEmResumesExactly() {
        Trials data = ldsData();
        LinearGaussianStateSpaceModel start = LdsInitializer.pca(data, 2);
        LdsEmOptions em = LdsEmOptions.defaults().withDiagonalR(true);
        assertResumesExactly((EmProgress<LinearGaussianStateSpaceModel> from, int n, Consumer<EmProgress<LinearGaussianStateSpaceModel>> after) ->
                        LdsExpectationMaximization.fit(from != null ? from : EmProgress.start(start), data, new FitOptions(n, 0, 2, null), em, after),
                4, 9, LinearGaussianStateSpaceModel::parameters, "LDS EM");
    }

    @Test
    void poissonLdsLaplaceEmResumesExactly() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("A", NdArray.of(new double[] {0.95, -0.2, 0.2, 0.95}, 2, 2));
        p.put("Q", NdArray.of(new double[] {0.02, 0, 0, 0.02}, 2, 2));
        p.put("m0", NdArray.of(new double[] {0.5, 0}, 2));
        p.put("P0", NdArray.of(new double[] {0.1, 0, 0, 0.1}, 2, 2));
        double[] c = new double[12 * 2], d = new double[12];
        Rng rng = Rng.seeded(5);
        for (int i = 0; i < c.length; i++) c[i] = 0.5 * rng.gaussian();
        for (int i = 0; i < d.length; i++) d[i] = 0.3 + 0.2 * rng.gaussian();
        p.put("C", NdArray.of(c, 12, 2));
        p.put("d", NdArray.of(d, 12));
        GeneralizedLinearDynamicalSystem truth = GeneralizedLinearDynamicalSystem.fromParameters(EmissionFamily.POISSON_EXP, p);
        Trials data = Trials.of(truth.sample(120, rng).observations(), truth.sample(80, rng).observations());
        LaplaceEmState start = PoissonLdsFitter.start(PoissonLdsSpec.of(2, EmissionFamily.POISSON_EXP), data);
        EmProgress<LaplaceEmState> last = assertResumesExactly(
                (EmProgress<LaplaceEmState> from, int n, Consumer<EmProgress<LaplaceEmState>> after) ->
                        PoissonLdsFitter.fit(from != null ? from : EmProgress.start(start), data, new FitOptions(n, 0, 2, null), after),
                3, 7, GeneralizedLinearDynamicalSystem::parameters, "Poisson LDS Laplace-EM");
        assertEquals(2, last.model().warmStarts().size(), "the progress holds one warm start per trial");
    }

    @Test
    void hmmGibbsResumesExactlyWithItsStream() {
        HmmSpec spec = new HmmSpec(2, 2, EmissionType.POISSON, TransitionType.STANDARD, 0, 0, 0, true, 0);
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("transition_matrix", NdArray.of(new double[] {0.9, 0.1, 0.2, 0.8}, 2, 2));
        p.put("rates", NdArray.of(new double[] {1, 4, 5, 0.5}, 2, 2));
        HiddenMarkovModel truth = HmmFactory.fromParameters(spec, p);
        Trials data = Trials.of(truth.sample(200, null, 0, Rng.seeded(1)).observations(),
                truth.sample(150, null, 0, Rng.seeded(2)).observations());
        HiddenMarkovModel start = HmmInitializer.kMeans(spec, data, Rng.seeded(3));
        Fit<GibbsProgress<HiddenMarkovModel>, HiddenMarkovModel> fit = (from, n, after) -> HmmGibbsSampler.run(
                from != null ? from : GibbsProgress.start(start, Rng.seeded(4)), data, new FitOptions(n, 0, 2, null), s -> { }, after);
        GibbsProgress<HiddenMarkovModel> last = assertResumesExactly(fit, 5, 12, HiddenMarkovModel::parameters, "HMM Gibbs");
        GibbsProgress<HiddenMarkovModel> freshStream = new GibbsProgress<>(last.model(), last.trace(), last.best(), Rng.seeded(4).state());
        assertNotEquals(fit.run(null, 12, x -> { }).objective()[11], fit.run(freshStream, 12, x -> { }).objective()[11],
                "without its stream's state a resumed chain differs");
    }

    @Test
    void ldsGibbsResumesExactlyWithItsStream() {
        Trials data = ldsData();
        LinearGaussianStateSpaceModel start = LdsInitializer.pca(data, 2);
        LdsGibbsOptions g = LdsGibbsOptions.weak(2, 4).withDiagonalR(true);
        Fit<GibbsProgress<LinearGaussianStateSpaceModel>, LinearGaussianStateSpaceModel> fit = (from, n, after) -> LdsGibbsSampler.run(
                from != null ? from : GibbsProgress.start(start, Rng.seeded(6)), data, g, new FitOptions(n, 0, 2, null), s -> { }, after);
        GibbsProgress<LinearGaussianStateSpaceModel> last = assertResumesExactly(fit, 6, 10, LinearGaussianStateSpaceModel::parameters,
                "LDS Gibbs");
        GibbsProgress<LinearGaussianStateSpaceModel> freshStream = new GibbsProgress<>(last.model(), last.trace(), last.best(),
                Rng.seeded(99).state());
        assertNotEquals(fit.run(null, 10, x -> { }).objective()[9], fit.run(freshStream, 10, x -> { }).objective()[9],
                "without its stream's state a resumed chain differs");
    }
}

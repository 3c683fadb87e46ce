package io.ssm4j.datasets.catalog;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import io.ssm4j.models.lds.EmissionFamily;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Built-in simulators: datasets drawn from the library's own models with fixed, documented parameters, so that
 * examples and tests need no download. {@link #simulate} returns the observations ("y"), the true latent states
 * ("z" for discrete, "x" for continuous) and every true parameter under its parameter-file name.
 */
public final class Simulators {
    private static final List<DatasetEntry> ENTRIES = List.of(
            new DatasetEntry("simulated-hmm", DatasetEntry.Kind.SIMULATOR,
                    "simulated Gaussian HMM: 3 states, sticky transitions, well separated means", "T=2000 x D=2",
                    "Rabiner (1989)"),
            new DatasetEntry("simulated-arhmm", DatasetEntry.Kind.SIMULATOR,
                    "simulated AR(1) HMM: 3 states rotating the 2-D observation at different speeds", "T=2000 x D=2",
                    "Fox et al. (2011)"),
            new DatasetEntry("simulated-rotational-lds", DatasetEntry.Kind.SIMULATOR,
                    "simulated rotational-dynamics population: 2-D latent rotation read out by 10 Gaussian units",
                    "T=1000 x N=10 (latent D=2)", "Churchland et al. (2012) for rotational dynamics"),
            new DatasetEntry("simulated-rotational-poisson", DatasetEntry.Kind.SIMULATOR,
                    "simulated rotational-dynamics spiking population: 2-D latent rotation, 30 Poisson neurons (log link)",
                    "T=1000 x N=30 counts (latent D=2)", "Macke et al. (2011), Poisson LDS"),
            new DatasetEntry("simulated-nascar", DatasetEntry.Kind.SIMULATOR,
                    "simulated NASCAR switching LDS: a 2-D latent lapping an oval under 4 position-dependent regimes, 10 Gaussian units",
                    "T=1000 x N=10 (latent D=2, K=4)", "Linderman et al. (2017), recurrent SLDS"));

    private Simulators() {}

    public static List<DatasetEntry> entries() { return ENTRIES; }

    public static boolean has(String name) { return ENTRIES.stream().anyMatch(e -> e.name().equals(name)); }

    /** Draws the named dataset with the given seed. */
    public static Map<String, NdArray> simulate(String name, long seed) {
        Rng rng = Rng.seeded(seed);
        return switch (name) {
            case "simulated-hmm" -> hmm(rng);
            case "simulated-arhmm" -> arhmm(rng);
            case "simulated-rotational-lds" -> rotationalLds(rng);
            case "simulated-rotational-poisson" -> rotationalPoisson(rng);
            case "simulated-nascar" -> NascarSimulator.simulate(rng);
            default -> throw new IllegalArgumentException("unknown simulator '" + name + "'; known: "
                    + ENTRIES.stream().map(DatasetEntry::name).toList());
        };
    }

    private static final double[] STICKY3 = {0.96, 0.02, 0.02, 0.02, 0.96, 0.02, 0.02, 0.02, 0.96};

    private static Map<String, NdArray> hmm(Rng rng) {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("transition_matrix", NdArray.of(STICKY3, 3, 3));
        p.put("means", NdArray.of(new double[] {-3, 0, 0, 3, 3, 0}, 3, 2));
        p.put("covariances", NdArray.of(new double[] {1, 0.3, 0.3, 1, 0.5, 0, 0, 0.5, 1, -0.4, -0.4, 1}, 3, 2, 2));
        return discrete(HmmFactory.fromParameters(HmmSpec.of(3, 2, EmissionType.GAUSSIAN), p), p, rng);
    }

    private static Map<String, NdArray> arhmm(Rng rng) {
        double[] w = new double[3 * 4];
        double[] speeds = {0.05, 0.2, -0.15};
        for (int k = 0; k < 3; k++) {
            double c = 0.98 * Math.cos(speeds[k]), s = 0.98 * Math.sin(speeds[k]);
            System.arraycopy(new double[] {c, -s, s, c}, 0, w, 4 * k, 4);
        }
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("transition_matrix", NdArray.of(STICKY3, 3, 3));
        p.put("weights", NdArray.of(w, 3, 2, 2));
        p.put("biases", NdArray.of(new double[6], 3, 2));
        p.put("covariances", NdArray.of(new double[] {0.01, 0, 0, 0.01, 0.01, 0, 0, 0.01, 0.01, 0, 0, 0.01}, 3, 2, 2));
        return discrete(HmmFactory.fromParameters(HmmSpec.of(3, 2, EmissionType.AUTOREGRESSIVE), p), p, rng);
    }

    private static Map<String, NdArray> discrete(HiddenMarkovModel m, Map<String, NdArray> params, Rng rng) {
        HiddenMarkovModel.Sample s = m.sample(2000, null, 0, rng);
        Map<String, NdArray> out = new LinkedHashMap<>();
        out.put("y", series(s.observations()));
        double[] z = new double[s.states().length];
        for (int t = 0; t < z.length; t++) z[t] = s.states()[t];
        out.put("z", NdArray.of(NdArray.DType.INT64, z, z.length));
        out.putAll(m.parameters());
        return out;
    }

    /** A slowly decaying rotation by 0.1 rad per step, and a random readout with unit-scale loadings. */
    private static double[] rotation() {
        double c = 0.995 * Math.cos(0.1), s = 0.995 * Math.sin(0.1);
        return new double[] {c, -s, s, c};
    }

    private static double[] loadings(Rng rng, int n, double scale) {
        double[] c = new double[n * 2];
        for (int i = 0; i < c.length; i++) c[i] = scale * rng.gaussian();
        return c;
    }

    private static Map<String, NdArray> rotationalLds(Rng rng) {
        int n = 10;
        double[] r = new double[n * n];
        for (int i = 0; i < n; i++) r[i * n + i] = 0.1;
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("A", NdArray.of(rotation(), 2, 2));
        p.put("Q", NdArray.of(new double[] {0.01, 0, 0, 0.01}, 2, 2));
        p.put("C", NdArray.of(loadings(rng, n, 1), n, 2));
        p.put("R", NdArray.of(r, n, n));
        p.put("m0", NdArray.of(new double[] {1, 0}, 2));
        p.put("P0", NdArray.of(new double[] {0.1, 0, 0, 0.1}, 2, 2));
        LinearGaussianStateSpaceModel m = LinearGaussianStateSpaceModel.fromParameters(p);
        LinearGaussianStateSpaceModel.Sample s = m.sample(1000, null, rng);
        Map<String, NdArray> out = new LinkedHashMap<>();
        out.put("y", series(s.observations()));
        out.put("x", NdArray.of(s.states(), 1000, 2));
        out.putAll(p);
        return out;
    }

    private static Map<String, NdArray> rotationalPoisson(Rng rng) {
        int n = 30;
        double[] d = new double[n];
        java.util.Arrays.fill(d, Math.log(0.5));
        GeneralizedLinearDynamicalSystem m = GeneralizedLinearDynamicalSystem.of(EmissionFamily.POISSON_EXP, 2, n,
                rotation(), new double[2], new double[] {0.01, 0, 0, 0.01}, new double[] {1, 0},
                new double[] {0.1, 0, 0, 0.1}, loadings(rng, n, 0.7), d);
        GeneralizedLinearDynamicalSystem.Sample s = m.sample(1000, rng);
        Map<String, NdArray> out = new LinkedHashMap<>();
        out.put("y", series(s.observations()));
        out.put("x", NdArray.of(s.states(), 1000, 2));
        out.putAll(m.parameters());
        return out;
    }

    private static NdArray series(TimeSeries y) { return NdArray.of(y.valuesView(), y.length(), y.dim()); }
}

package io.ssm4j.cli;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HmmSpec;
import io.ssm4j.models.hmm.TransitionType;
import picocli.CommandLine.Option;

/** The structural model options shared by {@code fit} and {@code cv}, turned into an {@link HmmSpec} (lds, plds: see
 * {@link LdsEmissions}). */
final class ModelOptions {
    @Option(names = "--model", defaultValue = "hmm", description = "hmm, arhmm, lds or plds (the Poisson LDS) (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--emissions", description = "gaussian (the default), diagonal-gaussian, student-t, poisson, bernoulli, "
            + "categorical (arhmm: gaussian or student-t; lds: gaussian, poisson or bernoulli; plds: poisson)")
    String emissions;

    @Option(names = "--link", description = "lds: link of poisson (exp, softplus; default exp) or bernoulli (logistic) emissions")
    String link;

    @Option(names = "--lags", defaultValue = "1", paramLabel = "L", description = "AR order of an arhmm (default: ${DEFAULT-VALUE})")
    int lags;

    @Option(names = "--transitions", defaultValue = "standard", description = "standard, sticky or input-driven")
    String transitions;

    @Option(names = "--stickiness", defaultValue = "10", paramLabel = "KAPPA",
            description = "Extra Dirichlet mass on self-transitions for sticky transitions (default: ${DEFAULT-VALUE})")
    double stickiness;

    @Option(names = "--categories", paramLabel = "C", description = "Categories of categorical emissions (default: max value + 1)")
    Integer categories;

    @Option(names = "--prior", defaultValue = "none", description = "none (maximum likelihood) or conjugate (MAP; needed by gibbs)")
    String prior;

    boolean autoregressive() {
        return switch (model) {
            case "hmm" -> false;
            case "arhmm" -> true;
            default -> throw new IllegalArgumentException("--model must be hmm, arhmm, lds or plds, got '" + model + "'");
        };
    }

    EmissionType emissionType() {
        boolean ar = autoregressive();
        if (link != null) throw new IllegalArgumentException("--link applies to --model lds with poisson or bernoulli emissions");
        String emissions = this.emissions == null ? "gaussian" : this.emissions;
        EmissionType e = ar ? switch (emissions) {
            case "gaussian" -> EmissionType.AUTOREGRESSIVE;
            case "student-t" -> EmissionType.ROBUST_AUTOREGRESSIVE;
            default -> throw new IllegalArgumentException("--emissions for an arhmm must be gaussian or student-t, got '"
                    + emissions + "'");
        } : EmissionType.parse(emissions);
        if (e.isAutoregressive() != ar) throw new IllegalArgumentException("--emissions " + emissions + " needs --model arhmm");
        return e;
    }

    /** The spec for K states on these trials (D, inputs and categories read from the data). */
    HmmSpec spec(Trials trials, int k) {
        if (k < 1) throw new IllegalArgumentException("--states must be >= 1, got " + k);
        if (!prior.equals("none") && !prior.equals("conjugate")) {
            throw new IllegalArgumentException("--prior must be none or conjugate, got '" + prior + "'");
        }
        EmissionType e = emissionType();
        TransitionType tt = TransitionType.parse(transitions);
        int c = e == EmissionType.CATEGORICAL ? categories != null ? categories : maxValue(trials) + 1 : 0;
        boolean usesInputs = e.isAutoregressive() || tt == TransitionType.INPUT_DRIVEN;
        return new HmmSpec(k, trials.dim(), e, tt, e.isAutoregressive() ? lags : 0, usesInputs ? trials.inputDim() : 0, c,
                prior.equals("conjugate"), tt == TransitionType.STICKY ? stickiness : 0);
    }

    private static int maxValue(Trials trials) {
        double m = 0;
        for (TimeSeries y : trials) for (double v : y.valuesView()) m = Math.max(m, v);
        return (int) m;
    }
}

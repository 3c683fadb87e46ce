package io.ssm4j.models.lds;

import io.ssm4j.math.Rng;
import io.ssm4j.math.SpecialFunctions;

/**
 * The observation family and link of a generalized-linear emission y_tn | eta_tn with linear predictor
 * eta_tn = c_n . x_t + d_n (McCullagh and Nelder 1989, "Generalized Linear Models"; for spike counts
 * Paninski 2004, "Maximum likelihood estimation of cascade point-process neural encoding models"):
 * <pre>
 *   POISSON_EXP:        y ~ Poisson(exp(eta)),        log p = y eta - exp(eta) - log y!
 *   POISSON_SOFTPLUS:   y ~ Poisson(log(1 + e^eta)),  log p = y log lambda - lambda - log y!
 *   BERNOULLI_LOGISTIC: y ~ Bernoulli(sigma(eta)),    log p = y eta - log(1 + e^eta)
 * </pre>
 * Each log-likelihood is concave in eta (log lambda is concave and lambda convex for both Poisson links),
 * which makes the posterior of a latent Gaussian chain log-concave. {@link #derivatives} gives the first
 * and second derivatives in eta that Newton's method and the Laplace approximation need.
 */
public enum EmissionFamily {
    POISSON_EXP("poisson-exp") {
        @Override
        public double kernel(double y, double eta, double[] out) {
            double lambda = Math.exp(eta);
            if (out != null) {
                out[0] = y - lambda;
                out[1] = -lambda;
            }
            return y * eta - lambda;
        }

        @Override
        public double mean(double eta) { return Math.exp(eta); }

        @Override
        public double sample(double eta, Rng rng) { return rng.poisson(Math.exp(eta)); }
    },
    POISSON_SOFTPLUS("poisson-softplus") {
        @Override
        public double kernel(double y, double eta, double[] out) {
            double lambda = softplus(eta);
            if (out != null) {
                // lambda' = s = sigma(eta), lambda'' = s (1 - s); r = s / lambda (-> 1 as eta -> -inf)
                double s = sigmoid(eta);
                double r = eta < -30 ? 1.0 : s / lambda;
                out[0] = y * r - s;
                out[1] = -y * r * r + (y * r - s) * (1 - s);
            }
            double logLambda = eta < -30 ? eta : Math.log(lambda);
            return (y == 0 ? 0.0 : y * logLambda) - lambda;
        }

        @Override
        public double mean(double eta) { return softplus(eta); }

        @Override
        public double sample(double eta, Rng rng) { return rng.poisson(softplus(eta)); }
    },
    BERNOULLI_LOGISTIC("bernoulli-logistic") {
        @Override
        public double kernel(double y, double eta, double[] out) {
            if (out != null) {
                double s = sigmoid(eta);
                out[0] = y - s;
                out[1] = -s * (1 - s);
            }
            return y * eta - softplus(eta);
        }

        @Override
        public double logNormalizer(double y) { return 0.0; }

        @Override
        public double mean(double eta) { return sigmoid(eta); }

        @Override
        public double sample(double eta, Rng rng) { return rng.uniform() < sigmoid(eta) ? 1.0 : 0.0; }

        @Override
        public void requireValid(double y, String where) {
            if (y != 0.0 && y != 1.0) throw new IllegalArgumentException(where + ": Bernoulli observation must be 0 or 1, got " + y);
        }
    };

    private final String id;

    EmissionFamily(String id) { this.id = id; }

    /** The name used in parameter files and on the command line ("poisson-exp", "poisson-softplus", "bernoulli-logistic"). */
    public String id() { return id; }

    /** The family named by {@link #id()}. */
    public static EmissionFamily fromId(String id) {
        for (EmissionFamily f : values()) if (f.id.equals(id)) return f;
        throw new IllegalArgumentException("unknown emission family '" + id + "' (expected poisson-exp, poisson-softplus or bernoulli-logistic)");
    }

    /**
     * The part of log p(y | eta) that depends on eta (log p minus {@link #logNormalizer}); when out is non-null
     * also writes out[0] = d log p / d eta and out[1] = d^2 log p / d eta^2 (&lt;= 0).
     */
    public abstract double kernel(double y, double eta, double[] out);

    /** The part of log p(y | eta) free of eta: -log y! for Poisson, 0 for Bernoulli. */
    public double logNormalizer(double y) { return -SpecialFunctions.logFactorial((long) y); }

    /** log p(y | eta). */
    public double logLikelihood(double y, double eta) { return kernel(y, eta, null) + logNormalizer(y); }

    /** out[0] = d log p / d eta, out[1] = d^2 log p / d eta^2 (&lt;= 0). */
    public void derivatives(double y, double eta, double[] out) { kernel(y, eta, out); }

    /** E[y | eta]: the firing rate or the probability. */
    public abstract double mean(double eta);

    /** A draw of y given eta. */
    public abstract double sample(double eta, Rng rng);

    /** Throws, naming where, unless y is in the support (Poisson: a non-negative integer). */
    public void requireValid(double y, String where) {
        if (!(y >= 0) || y != Math.rint(y) || Double.isInfinite(y)) {
            throw new IllegalArgumentException(where + ": Poisson observation must be a non-negative integer, got " + y);
        }
    }

    /** log(1 + e^x) without overflow. */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** 1 / (1 + e^-x) without overflow. */
    public static double sigmoid(double x) {
        if (x >= 0) return 1.0 / (1.0 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}

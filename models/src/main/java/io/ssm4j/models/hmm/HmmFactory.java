package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.distributions.Beta;
import io.ssm4j.distributions.Dirichlet;
import io.ssm4j.distributions.Gamma;
import io.ssm4j.distributions.MatrixNormalInverseWishart;
import io.ssm4j.distributions.NormalInverseWishart;

import java.util.Arrays;
import java.util.Map;

/**
 * Builds HMM-family models from a {@link HmmSpec}: shape-correct templates to initialise from, the default
 * conjugate priors, and models from named parameter arrays (an {@code .npz} from another tool or a model
 * file), with every shape checked and named in the error.
 */
public final class HmmFactory {
    /** Variance of the Gaussian prior on input-driven transition weights. */
    public static final double INPUT_WEIGHT_PRIOR_VARIANCE = 100;

    private HmmFactory() {}

    /** Default NIW prior for (roughly standardised) data: mu ~ N(0, Sigma / 0.01), Sigma ~ IW(I, D + 2). */
    public static NormalInverseWishart defaultGaussianPrior(int d) {
        return NormalInverseWishart.of(new double[d], 0.01, identity(d), d + 2);
    }

    /** Default MNIW prior for AR regressions: W ~ MN(0, Sigma, 100 I), Sigma ~ IW(I, D + 2). */
    public static MatrixNormalInverseWishart defaultRegressionPrior(int d, int p) {
        double[] v0 = identity(p);
        for (int i = 0; i < p; i++) v0[i * p + i] = 100;
        return MatrixNormalInverseWishart.of(new double[d * p], v0, identity(d), d + 2, d, p);
    }

    /** Default Gamma(2, 1) prior on Poisson rates: one pseudo-count over one pseudo-bin, MAP (1 + S) / (1 + n). */
    public static Gamma defaultPoissonPrior() { return Gamma.of(2, 1); }

    /** Default Beta(2, 2) prior on Bernoulli probabilities: add-one (Laplace) smoothing of the MAP. */
    public static Beta defaultBernoulliPrior() { return Beta.of(2, 2); }

    /** Default symmetric Dir(2) prior on categorical probabilities: add-one (Laplace) smoothing of the MAP. */
    public static Dirichlet defaultCategoricalPrior(int categories) { return Dirichlet.symmetric(categories, 2); }

    /** Degrees of freedom that Student-t templates start from. */
    static final double TEMPLATE_DOF = 4;

    static double[] identity(int n) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) m[i * n + i] = 1;
        return m;
    }

    static double[] repeatedIdentity(int count, int n) {
        double[] m = new double[count * n * n];
        for (int c = 0; c < count; c++) for (int i = 0; i < n; i++) m[c * n * n + i * n + i] = 1;
        return m;
    }

    /** Emissions of the right family and shape with neutral parameters, for initialisation by an M-step. */
    public static Emissions templateEmissions(HmmSpec s) {
        int k = s.numStates(), d = s.dim();
        boolean map = s.conjugatePrior();
        return switch (s.emissions()) {
            case GAUSSIAN -> GaussianEmissions.of(new double[k * d], repeatedIdentity(k, d), k, d,
                    map ? defaultGaussianPrior(d) : null);
            case DIAGONAL_GAUSSIAN -> DiagonalGaussianEmissions.of(new double[k * d], filled(k * d, 1), k, d,
                    map ? defaultGaussianPrior(1) : null);
            case STUDENT_T -> StudentTEmissions.of(new double[k * d], repeatedIdentity(k, d), filled(k, TEMPLATE_DOF), k,
                    d, map ? defaultGaussianPrior(d) : null);
            case POISSON -> PoissonEmissions.of(filled(k * d, 1), k, d, map ? defaultPoissonPrior() : null);
            case BERNOULLI -> BernoulliEmissions.of(filled(k * d, 0.5), k, d, map ? defaultBernoulliPrior() : null);
            case CATEGORICAL -> CategoricalEmissions.of(filled(k * d * s.categories(), 1.0 / s.categories()), k, d,
                    s.categories(), map ? defaultCategoricalPrior(s.categories()) : null);
            case AUTOREGRESSIVE, ROBUST_AUTOREGRESSIVE -> {
                int p = RegressionDesign.regressorCount(d, s.lags(), s.inputDim());
                yield regressionEmissions(s, new double[k * d * p], repeatedIdentity(k, d), filled(k, TEMPLATE_DOF),
                        AutoRegressiveEmissions.standardInitial(k, d));
            }
        };
    }

    /** AR or robust-AR emissions of the spec (dofs ignored for plain AR), with the default MNIW prior under MAP. */
    private static Emissions regressionEmissions(HmmSpec s, double[] regression, double[] covariances, double[] dofs,
                                                 GaussianEmissions initial) {
        int k = s.numStates(), d = s.dim(), l = s.lags(), m = s.inputDim();
        MatrixNormalInverseWishart prior = s.conjugatePrior()
                ? defaultRegressionPrior(d, RegressionDesign.regressorCount(d, l, m)) : null;
        return s.emissions() == EmissionType.ROBUST_AUTOREGRESSIVE
                ? RobustAutoRegressiveEmissions.of(regression, covariances, dofs, k, d, l, m, initial, prior)
                : AutoRegressiveEmissions.of(regression, covariances, k, d, l, m, initial, prior);
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    /** Transitions of the spec's family around the given matrix. */
    public static Transitions transitions(HmmSpec s, double[] matrix) {
        return switch (s.transitions()) {
            case STANDARD -> StationaryTransitions.of(matrix, s.numStates(), 1, 0);
            case STICKY -> StationaryTransitions.of(matrix, s.numStates(), 1, s.stickiness());
            case INPUT_DRIVEN -> InputDrivenTransitions.of(matrix, new double[s.numStates() * s.inputDim()],
                    s.numStates(), s.inputDim(), INPUT_WEIGHT_PRIOR_VARIANCE);
        };
    }

    /** A model from named parameters; initial_probs defaults to uniform when absent. */
    public static HiddenMarkovModel fromParameters(HmmSpec s, Map<String, NdArray> p) {
        int k = s.numStates(), d = s.dim();
        InitialStateDistribution init = p.containsKey("initial_probs")
                ? InitialStateDistribution.of(require(p, "initial_probs", k).dataView(), 1)
                : InitialStateDistribution.uniform(k);
        double[] matrix = require(p, "transition_matrix", k, k).dataView();
        Transitions trans = s.transitions() == TransitionType.INPUT_DRIVEN
                ? InputDrivenTransitions.of(matrix, require(p, "transition_weights", k, s.inputDim()).dataView(), k,
                s.inputDim(), INPUT_WEIGHT_PRIOR_VARIANCE)
                : transitions(s, matrix);
        return new HiddenMarkovModel(init, trans, emissionsFromParameters(s, p));
    }

    static Emissions emissionsFromParameters(HmmSpec s, Map<String, NdArray> p) {
        int k = s.numStates(), d = s.dim();
        boolean map = s.conjugatePrior();
        return switch (s.emissions()) {
            case GAUSSIAN -> GaussianEmissions.of(require(p, "means", k, d).dataView(),
                    require(p, "covariances", k, d, d).dataView(), k, d, map ? defaultGaussianPrior(d) : null);
            case DIAGONAL_GAUSSIAN -> DiagonalGaussianEmissions.of(require(p, "means", k, d).dataView(),
                    require(p, "covariances", k, d).dataView(), k, d, map ? defaultGaussianPrior(1) : null);
            case STUDENT_T -> StudentTEmissions.of(require(p, "means", k, d).dataView(),
                    require(p, "covariances", k, d, d).dataView(), require(p, "dofs", k).dataView(), k, d,
                    map ? defaultGaussianPrior(d) : null);
            case POISSON -> PoissonEmissions.of(require(p, "rates", k, d).dataView(), k, d,
                    map ? defaultPoissonPrior() : null);
            case BERNOULLI -> BernoulliEmissions.of(require(p, "probs", k, d).dataView(), k, d,
                    map ? defaultBernoulliPrior() : null);
            case CATEGORICAL -> CategoricalEmissions.of(require(p, "probs", k, d, s.categories()).dataView(), k, d,
                    s.categories(), map ? defaultCategoricalPrior(s.categories()) : null);
            case AUTOREGRESSIVE, ROBUST_AUTOREGRESSIVE -> {
                int l = s.lags(), m = s.inputDim();
                double[] inputs = m > 0 ? require(p, "input_weights", k, d, m).dataView() : new double[0];
                double[] reg = AutoRegressiveEmissions.packRegression(require(p, "weights", k, d, d * l).dataView(),
                        inputs, require(p, "biases", k, d).dataView(), k, d, l, m);
                GaussianEmissions initial = p.containsKey("initial_means")
                        ? GaussianEmissions.of(require(p, "initial_means", k, d).dataView(),
                        require(p, "initial_covariances", k, d, d).dataView(), k, d, null)
                        : AutoRegressiveEmissions.standardInitial(k, d);
                double[] dofs = s.emissions() == EmissionType.ROBUST_AUTOREGRESSIVE
                        ? require(p, "dofs", k).dataView() : null;
                yield regressionEmissions(s, reg, require(p, "covariances", k, d, d).dataView(), dofs, initial);
            }
        };
    }

    /** The named array with the expected shape, or an error naming what is missing or wrong. */
    static NdArray require(Map<String, NdArray> p, String name, int... shape) {
        NdArray a = p.get(name);
        if (a == null) {
            throw new IllegalArgumentException("parameter '" + name + "' with shape " + Arrays.toString(shape)
                    + " is missing (have " + p.keySet() + ")");
        }
        return a.requireShape(name, shape);
    }

    /**
     * Reads the structure of a model from its parameter arrays alone: K from transition_matrix, D and the
     * emission family from which arrays are present (means + K x D x D covariances: gaussian; K x D
     * covariances: diagonal-gaussian; dofs: student-t; rates: poisson; probs K x D: bernoulli, K x D x C:
     * categorical; weights: ar, or robust-ar when dofs are present too, with L = weights.shape[2] / D).
     *
     * @param autoregressive true for an ARHMM
     * @param requested an emission family the caller insists on, or null to detect it
     */
    public static HmmSpec specFromParameters(boolean autoregressive, EmissionType requested, Map<String, NdArray> p) {
        HmmSpec s = emissionSpecFromParameters(autoregressive, requested, p);
        NdArray tw = p.get("transition_weights");
        if (tw == null) return s;
        if (tw.ndim() != 2 || tw.dim(0) != s.numStates()) {
            throw new IllegalArgumentException("transition_weights: expected shape [K, M] with K=" + s.numStates()
                    + ", got " + Arrays.toString(tw.shape()));
        }
        if (s.inputDim() > 0 && s.inputDim() != tw.dim(1)) {
            throw new IllegalArgumentException("transition_weights has M=" + tw.dim(1) + " inputs, input_weights has "
                    + s.inputDim());
        }
        return new HmmSpec(s.numStates(), s.dim(), s.emissions(), TransitionType.INPUT_DRIVEN, s.lags(), tw.dim(1),
                s.categories(), s.conjugatePrior(), 0);
    }

    private static HmmSpec emissionSpecFromParameters(boolean autoregressive, EmissionType requested,
                                                      Map<String, NdArray> p) {
        NdArray trans = p.get("transition_matrix");
        if (trans == null || trans.ndim() != 2 || trans.dim(0) != trans.dim(1)) {
            throw new IllegalArgumentException("parameter 'transition_matrix' (K x K) is missing or not square"
                    + (trans == null ? "" : ": shape " + Arrays.toString(trans.shape())));
        }
        int k = trans.dim(0);
        if (autoregressive) {
            NdArray w = p.get("weights");
            if (w == null || w.ndim() != 3) throw new IllegalArgumentException("AR parameter 'weights' (K x D x D*L) is missing");
            int d = w.dim(1);
            if (w.dim(2) % d != 0) {
                throw new IllegalArgumentException("weights: last dimension " + w.dim(2) + " is not a multiple of D=" + d);
            }
            NdArray in = p.get("input_weights");
            EmissionType e = requested != null ? requested
                    : p.containsKey("dofs") ? EmissionType.ROBUST_AUTOREGRESSIVE : EmissionType.AUTOREGRESSIVE;
            return new HmmSpec(k, d, e, TransitionType.STANDARD, w.dim(2) / d, in == null ? 0 : in.dim(2), 0, false, 0);
        }
        EmissionType e = requested != null ? requested : detectEmissions(p);
        int d = switch (e) {
            case GAUSSIAN, DIAGONAL_GAUSSIAN, STUDENT_T -> require2d(p, "means").dim(1);
            case POISSON -> require2d(p, "rates").dim(1);
            case BERNOULLI, CATEGORICAL -> requireProbs(p, e).dim(1);
            default -> throw new IllegalArgumentException("emission type " + e.cliName() + " needs --model arhmm");
        };
        int c = e == EmissionType.CATEGORICAL ? requireProbs(p, e).dim(2) : 0;
        return new HmmSpec(k, d, e, TransitionType.STANDARD, 0, 0, c, false, 0);
    }

    private static NdArray requireProbs(Map<String, NdArray> p, EmissionType e) {
        int rank = e == EmissionType.CATEGORICAL ? 3 : 2;
        NdArray a = p.get("probs");
        if (a == null || a.ndim() != rank) {
            throw new IllegalArgumentException("parameter 'probs' (" + (rank == 3 ? "K x D x C" : "K x D") + ") of "
                    + e.cliName() + " emissions is missing" + (a == null ? "" : ": shape " + Arrays.toString(a.shape())));
        }
        return a;
    }

    private static NdArray require2d(Map<String, NdArray> p, String name) {
        NdArray a = p.get(name);
        if (a == null || a.ndim() != 2) throw new IllegalArgumentException("parameter '" + name + "' (K x D) is missing");
        return a;
    }

    private static EmissionType detectEmissions(Map<String, NdArray> p) {
        if (p.containsKey("rates")) return EmissionType.POISSON;
        if (p.containsKey("probs")) return p.get("probs").ndim() == 3 ? EmissionType.CATEGORICAL : EmissionType.BERNOULLI;
        if (p.containsKey("means")) {
            if (p.containsKey("dofs")) return EmissionType.STUDENT_T;
            NdArray c = p.get("covariances");
            return c != null && c.ndim() == 2 ? EmissionType.DIAGONAL_GAUSSIAN : EmissionType.GAUSSIAN;
        }
        throw new IllegalArgumentException("cannot tell the emission family from parameters " + p.keySet()
                + "; expected means/covariances, rates, probs or weights");
    }
}

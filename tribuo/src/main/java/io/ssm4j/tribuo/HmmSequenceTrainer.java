package io.ssm4j.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.util.MutableLong;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.em.HmmFitter;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.fit.ProgressListener;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmSpec;
import io.ssm4j.models.hmm.TransitionType;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Trainer;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ImmutableClusteringInfo;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.sequence.SequenceDataset;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fits a hidden Markov model to Tribuo sequences, unsupervised: each {@code SequenceExample} is one sequence
 * y_{1:T}, each step's features (in the dataset's feature-map order) its observation y_t. EM (Baum-Welch;
 * Rabiner 1989, "A tutorial on hidden Markov models") starts from k-means, keeps the best of {@code restarts}
 * and stops after {@code iterations} or when the objective rises by less than tolerance * max(1, |objective|).
 * The resulting {@link HmmSequenceModel} labels each step with its most probable state and scores every state
 * with its posterior probability. Outputs already in the dataset are ignored.
 * <p>
 * The fit is determined by the hyperparameters alone (the seed starts the same random streams on every call),
 * whatever the number of threads.
 */
public final class HmmSequenceTrainer extends CountedSequenceTrainer<ClusterID> {
    @Config(description = "Number of hidden states K.")
    private int states = 2;

    @Config(description = "Emission family: gaussian, diagonal-gaussian, student-t, poisson, bernoulli, ar or robust-ar.")
    private String emissions = EmissionType.GAUSSIAN.cliName();

    @Config(description = "Transition model: standard or sticky.")
    private String transitions = TransitionType.STANDARD.cliName();

    @Config(description = "Stickiness kappa of sticky transitions (extra prior weight on staying in a state).")
    private double stickiness = 0;

    @Config(description = "Use the default conjugate priors (MAP estimates) instead of maximum likelihood.")
    private boolean conjugatePrior = false;

    @Config(description = "Maximum number of EM iterations per restart.")
    private int iterations = 100;

    @Config(description = "Relative tolerance on the EM objective (0 runs every iteration).")
    private double tolerance = 1e-6;

    @Config(description = "Number of k-means initialisations; the best EM fit is kept.")
    private int restarts = 1;

    @Config(description = "Seed of the random streams of the restarts.")
    private long seed = Trainer.DEFAULT_SEED;

    @Config(description = "Worker threads of the E-step over sequences (the result does not depend on it).")
    private int threads = 1;

    /** For OLCUT. */
    private HmmSequenceTrainer() {}

    /** K states with the given emission family and defaults for everything else. */
    public HmmSequenceTrainer(int states, String emissions) {
        this(states, emissions, TransitionType.STANDARD.cliName(), 0, false, 100, 1e-6, 1, Trainer.DEFAULT_SEED, 1);
    }

    /** Every hyperparameter; see the {@code @Config} descriptions. */
    public HmmSequenceTrainer(int states, String emissions, String transitions, double stickiness, boolean conjugatePrior,
                              int iterations, double tolerance, int restarts, long seed, int threads) {
        this.states = states;
        this.emissions = emissions;
        this.transitions = transitions;
        this.stickiness = stickiness;
        this.conjugatePrior = conjugatePrior;
        this.iterations = iterations;
        this.tolerance = tolerance;
        this.restarts = restarts;
        this.seed = seed;
        this.threads = threads;
        postConfig();
    }

    /** Checks the hyperparameters; each error names the field, the allowed values and the value given. */
    @Override
    public void postConfig() {
        String me = getClass().getSimpleName();
        if (states < 1) throw new PropertyException(me, "states", "states must be >= 1, got " + states);
        EmissionType e = parse(me, "emissions", () -> EmissionType.parse(emissions));
        if (e == EmissionType.CATEGORICAL) {
            throw new PropertyException(me, "emissions", "categorical emissions are not supported on Tribuo features;"
                    + " use bernoulli, poisson or a Gaussian family");
        }
        TransitionType t = parse(me, "transitions", () -> TransitionType.parse(transitions));
        if (t == TransitionType.INPUT_DRIVEN) {
            throw new PropertyException(me, "transitions", "input-driven transitions need per-step inputs, which Tribuo"
                    + " features do not carry; use standard or sticky");
        }
        if (!(stickiness >= 0) || (t == TransitionType.STANDARD && stickiness != 0)) {
            throw new PropertyException(me, "stickiness", "stickiness must be >= 0 and is used by sticky transitions"
                    + " only, got " + stickiness + " with " + transitions + " transitions");
        }
        if (iterations < 1) throw new PropertyException(me, "iterations", "iterations must be >= 1, got " + iterations);
        if (!(tolerance >= 0)) throw new PropertyException(me, "tolerance", "tolerance must be >= 0, got " + tolerance);
        if (restarts < 1) throw new PropertyException(me, "restarts", "restarts must be >= 1, got " + restarts);
        if (threads < 1) throw new PropertyException(me, "threads", "threads must be >= 1, got " + threads);
    }

    private static <V> V parse(String me, String field, Supplier<V> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException ex) {
            throw new PropertyException(me, field, ex.getMessage());
        }
    }

    /** The model structure for D observed features. */
    HmmSpec spec(int dim) {
        EmissionType e = EmissionType.parse(emissions);
        TransitionType t = TransitionType.parse(transitions);
        return new HmmSpec(states, dim, e, t, e.isAutoregressive() ? 1 : 0, 0, 0, conjugatePrior, stickiness);
    }

    @Override
    public HmmSequenceModel train(SequenceDataset<ClusterID> examples) {
        return train(examples, Collections.emptyMap());
    }

    @Override
    public HmmSequenceModel train(SequenceDataset<ClusterID> examples, Map<String, Provenance> runProvenance) {
        return fit(examples, runProvenance);
    }

    /** Fits the HMM to the features of any sequence dataset (its outputs are not used). */
    HmmSequenceModel fit(SequenceDataset<?> examples, Map<String, Provenance> runProvenance) {
        ImmutableFeatureMap features = examples.getFeatureIDMap();
        if (examples.size() == 0) throw new IllegalArgumentException("the sequence dataset is empty");
        if (features.size() == 0) throw new IllegalArgumentException("the sequence dataset has no features");
        TrainerProvenance trainerProvenance = startCall();
        Trials trials = SequenceMatrix.of(examples, features);
        HmmSpec spec = spec(features.size());
        FitResult<HiddenMarkovModel> fit = HmmFitter.fit(spec, trials,
                new FitOptions(iterations, tolerance, threads, ProgressListener.NONE), restarts, Rng.seeded(seed));
        HmmParameters parameters = HmmParameters.of(spec, fit.model());
        ModelProvenance provenance = new ModelProvenance(HmmSequenceModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, runProvenance);
        return new HmmSequenceModel("hmm-sequence-model", provenance, features,
                stateInfo(parameters, trials), parameters, fit.objective());
    }

    /** The K states as Tribuo's output domain, each counted by the training steps it is the most probable state of. */
    private static ImmutableClusteringInfo stateInfo(HmmParameters parameters, Trials trials) {
        int k = parameters.spec().numStates();
        long[] counts = new long[k];
        for (int i = 0; i < trials.size(); i++) {
            double[] gamma = HmmSequenceModel.posterior(parameters.model(), trials.get(i));
            for (int t = 0; t < trials.get(i).length(); t++) counts[HmmSequenceModel.argmax(gamma, t * k, k)]++;
        }
        Map<Integer, MutableLong> map = new HashMap<>();
        for (int j = 0; j < k; j++) map.put(j, new MutableLong(counts[j]));
        return new ImmutableClusteringInfo(map);
    }

    @Override
    public String toString() {
        return "HmmSequenceTrainer(states=" + states + ", emissions=" + emissions + ", transitions=" + transitions
                + ", stickiness=" + stickiness + ", conjugatePrior=" + conjugatePrior + ", iterations=" + iterations
                + ", tolerance=" + tolerance + ", restarts=" + restarts + ", seed=" + seed + ", threads=" + threads + ")";
    }
}

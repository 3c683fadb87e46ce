package io.ssm4j.tribuo;

import com.oracle.labs.mlrg.olcut.util.Pair;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmSpec;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.clustering.ClusterID;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.sequence.SequenceExample;
import org.tribuo.sequence.SequenceModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted hidden Markov model as a Tribuo sequence model. For a sequence y_{1:T} it runs forward-backward and
 * predicts, at every step t, the state k maximising the posterior marginal gamma_t(k) = p(z_t = k | y_{1:T})
 * (Rabiner 1989, eq. 27): the prediction's output is {@code ClusterID(k, gamma_t(k))} and its scores map holds
 * {@code ClusterID(j, gamma_t(j))} for every state j under the key {@code "j"}. Step features are read in the
 * training feature map's order; unknown features are ignored and absent ones are 0.
 * <p>
 * Serializable with Java serialization (the HMM is stored as {@link HmmParameters}); Tribuo's protobuf format
 * is not supported.
 */
public final class HmmSequenceModel extends SequenceModel<ClusterID> {
    private static final long serialVersionUID = 1L;

    private final HmmParameters parameters;
    private final double[] objective;

    HmmSequenceModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
                     ImmutableOutputInfo<ClusterID> states, HmmParameters parameters, double[] objective) {
        super(name, provenance, features, states);
        this.parameters = parameters;
        this.objective = objective.clone();
    }

    @Override
    public List<Prediction<ClusterID>> predict(SequenceExample<ClusterID> example) {
        int k = parameters.spec().numStates();
        double[] gamma = posterior(example);
        List<Prediction<ClusterID>> out = new ArrayList<>(example.size());
        for (int t = 0; t < example.size(); t++) {
            Map<String, ClusterID> scores = new LinkedHashMap<>();
            for (int j = 0; j < k; j++) scores.put(Integer.toString(j), new ClusterID(j, gamma[t * k + j]));
            int best = argmax(gamma, t * k, k);
            Example<ClusterID> step = example.get(t);
            out.add(new Prediction<>(new ClusterID(best, gamma[t * k + best]), scores, step.size(), step, true));
        }
        return out;
    }

    /** The posterior state marginals gamma_t(k) of one sequence of any output type, T x K row-major. */
    public double[] posterior(SequenceExample<?> example) {
        return posterior(parameters.model(), SequenceMatrix.of(example, featureIDMap));
    }

    static double[] posterior(HiddenMarkovModel model, TimeSeries y) {
        return HiddenMarkovInference.posterior(model, y).expectedStates();
    }

    static int argmax(double[] a, int offset, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) if (a[offset + j] > a[offset + best]) best = j;
        return best;
    }

    /** The fitted HMM. */
    public HiddenMarkovModel hmm() { return parameters.model(); }

    /** The HMM's structure: K states, D features, emission and transition families. */
    public HmmSpec spec() { return parameters.spec(); }

    /** The EM objective (log-likelihood, plus log-prior under MAP) after each iteration of the kept restart. */
    public double[] objective() { return objective.clone(); }

    /** An HMM does not rank features: always empty. */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) { return Collections.emptyMap(); }
}

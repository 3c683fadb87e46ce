package io.ssm4j.tribuo;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.sequence.SequenceExample;
import org.tribuo.sequence.SequenceModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A per-step Tribuo model over HMM-augmented features: for a sequence it computes the HMM posterior
 * p(z_t = k | y_{1:T}), appends it to each step as {@code hmm_state_k} (see {@link HmmFeatureSequenceTrainer})
 * and returns the inner model's prediction for every step. Its feature map is the inner model's (raw features
 * plus {@code hmm_state_k}). Serializable with Java serialization; Tribuo's protobuf format is not supported.
 *
 * @param <T> the output type
 */
public final class HmmFeatureSequenceModel<T extends Output<T>> extends SequenceModel<T> {
    private static final long serialVersionUID = 1L;

    private final HmmSequenceModel hmm;
    private final Model<T> inner;
    private final boolean keepRawFeatures;

    HmmFeatureSequenceModel(String name, ModelProvenance provenance, HmmSequenceModel hmm, Model<T> inner,
                            boolean keepRawFeatures) {
        super(name, provenance, inner.getFeatureIDMap(), inner.getOutputIDInfo());
        this.hmm = hmm;
        this.inner = inner;
        this.keepRawFeatures = keepRawFeatures;
    }

    @Override
    public List<Prediction<T>> predict(SequenceExample<T> example) {
        int k = hmm.spec().numStates();
        double[] gamma = hmm.posterior(example);
        List<Prediction<T>> out = new ArrayList<>(example.size());
        for (int t = 0; t < example.size(); t++) {
            out.add(inner.predict(StateFeatures.append(example.get(t), gamma, t, k, keepRawFeatures)));
        }
        return out;
    }

    /** The HMM that makes the state features. */
    public HmmSequenceModel hmmModel() { return hmm; }

    /** The per-step model on the augmented features. */
    public Model<T> innerModel() { return inner; }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) { return inner.getTopFeatures(n); }
}

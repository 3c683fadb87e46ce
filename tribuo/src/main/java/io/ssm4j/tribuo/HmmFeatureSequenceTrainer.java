package io.ssm4j.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.sequence.SequenceDataset;
import org.tribuo.sequence.SequenceExample;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * HMM posteriors as features for any Tribuo trainer: fits an HMM to the training sequences' features with
 * {@code hmmTrainer}, appends each step's posterior state probabilities {@code hmm_state_k} =
 * p(z_t = k | y_{1:T}) to its features (or uses them alone), and trains {@code innerTrainer} on all steps as
 * independent examples. The resulting {@link HmmFeatureSequenceModel} does the same at prediction time, so a
 * per-step classifier or regressor sees the temporal context the HMM's forward-backward pass summarises.
 * The provenance holds both trainers' hyperparameters.
 *
 * @param <T> the output type of the inner trainer
 */
public final class HmmFeatureSequenceTrainer<T extends Output<T>> extends CountedSequenceTrainer<T> {
    @Config(mandatory = true, description = "The HMM fitted to the sequences' features.")
    private HmmSequenceTrainer hmmTrainer;

    @Config(mandatory = true, description = "The trainer of the per-step model on the augmented features.")
    private Trainer<T> innerTrainer;

    @Config(description = "Keep each step's own features next to the state posteriors (else posteriors only).")
    private boolean keepRawFeatures = true;

    /** For OLCUT. */
    private HmmFeatureSequenceTrainer() {}

    /**
     * @param hmmTrainer fits the HMM
     * @param innerTrainer trains the per-step model
     * @param keepRawFeatures whether the steps keep their own features beside the appended posteriors
     */
    public HmmFeatureSequenceTrainer(HmmSequenceTrainer hmmTrainer, Trainer<T> innerTrainer, boolean keepRawFeatures) {
        this.hmmTrainer = Objects.requireNonNull(hmmTrainer, "hmmTrainer");
        this.innerTrainer = Objects.requireNonNull(innerTrainer, "innerTrainer");
        this.keepRawFeatures = keepRawFeatures;
    }

    @Override
    public HmmFeatureSequenceModel<T> train(SequenceDataset<T> examples) {
        return train(examples, Collections.emptyMap());
    }

    @Override
    public HmmFeatureSequenceModel<T> train(SequenceDataset<T> examples, Map<String, Provenance> runProvenance) {
        if (examples.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("the sequence dataset has " + examples.getOutputInfo().getUnknownCount()
                    + " steps with unknown outputs, and the inner trainer is supervised");
        }
        TrainerProvenance trainerProvenance = startCall();
        HmmSequenceModel hmm = hmmTrainer.fit(examples, runProvenance);
        int k = hmm.spec().numStates();
        MutableDataset<T> steps = new MutableDataset<>(examples.getSourceProvenance(), examples.getOutputFactory());
        for (SequenceExample<T> sequence : examples) {
            double[] gamma = hmm.posterior(sequence);
            for (int t = 0; t < sequence.size(); t++) {
                steps.add(StateFeatures.append(sequence.get(t), gamma, t, k, keepRawFeatures));
            }
        }
        Model<T> model = innerTrainer.train(steps, runProvenance);
        ModelProvenance provenance = new ModelProvenance(HmmFeatureSequenceModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, runProvenance);
        return new HmmFeatureSequenceModel<>("hmm-feature-sequence-model", provenance, hmm, model, keepRawFeatures);
    }

    @Override
    public String toString() {
        return "HmmFeatureSequenceTrainer(hmmTrainer=" + hmmTrainer + ", innerTrainer=" + innerTrainer
                + ", keepRawFeatures=" + keepRawFeatures + ")";
    }
}

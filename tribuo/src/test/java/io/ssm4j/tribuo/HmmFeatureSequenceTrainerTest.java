package io.ssm4j.tribuo;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.sequence.MutableSequenceDataset;
import org.tribuo.sequence.SequenceExample;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmmFeatureSequenceTrainerTest {
    private static final LabelFactory LABELS = new LabelFactory();
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    private static List<HiddenMarkovModel.Sample> samples;
    private static MutableSequenceDataset<Label> labelled;
    private static HmmFeatureSequenceModel<Label> model;

    @BeforeAll
    static void fit() {
        TRIBUO_LOG.setLevel(Level.WARNING);
        samples = Sequences.sample(Sequences.poissonTruth(), 6, 150, 23);
        List<SequenceExample<Label>> seqs = new ArrayList<>();
        for (HiddenMarkovModel.Sample s : samples) {
            seqs.add(Sequences.sequence(s.observations(), t -> new Label("s" + s.states()[t]), true));
        }
        labelled = Sequences.dataset("simulated Poisson HMM, true states as labels", LABELS, seqs);
        model = new HmmFeatureSequenceTrainer<>(hmmTrainer(), new LogisticRegressionTrainer(), true).train(labelled);
    }

    private static HmmSequenceTrainer hmmTrainer() {
        return new HmmSequenceTrainer(3, "poisson", "standard", 0, false, 40, 1e-8, 2, 99, 1);
    }

    @Test
    void equalsAnInnerModelTrainedOnPosteriorsComputedApart() {
        List<SequenceExample<ClusterID>> unlabelled = new ArrayList<>();
        for (HiddenMarkovModel.Sample s : samples) {
            unlabelled.add(Sequences.sequence(s.observations(), t -> ClusteringFactory.UNASSIGNED_CLUSTER_ID, true));
        }
        HmmSequenceModel hmm = hmmTrainer().train(Sequences.dataset("unlabelled", new ClusteringFactory(), unlabelled));
        MutableDataset<Label> flat = new MutableDataset<>(new SimpleDataSourceProvenance("flat", LABELS), LABELS);
        List<Example<Label>> steps = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            List<Prediction<ClusterID>> states = hmm.predict(unlabelled.get(i));
            for (int t = 0; t < states.size(); t++) {
                Example<Label> step = withStates(labelled.getExample(i).get(t), states.get(t));
                flat.add(step);
                steps.add(step);
            }
        }
        Model<Label> inner = new LogisticRegressionTrainer().train(flat);
        int n = 0;
        for (int i = 0; i < samples.size(); i++) {
            for (Prediction<Label> p : model.predict(labelled.getExample(i))) {
                Prediction<Label> expected = inner.predict(steps.get(n++));
                assertEquals(expected.getOutput().getLabel(), p.getOutput().getLabel());
                assertTrue(expected.distributionEquals(p, 0), "step " + n);
            }
        }
    }

    /** The step's own features plus hmm_state_k = the HMM prediction's score of state k. */
    private static Example<Label> withStates(Example<Label> step, Prediction<ClusterID> states) {
        ArrayExample<Label> out = new ArrayExample<>(step.getOutput());
        for (Feature f : step) out.add(f.getName(), f.getValue());
        for (ClusterID c : states.getOutputScores().values()) out.add("hmm_state_" + c.getID(), c.getScore());
        return out;
    }

    @Test
    void posteriorsAloneDecodeTheHiddenStates() {
        HmmFeatureSequenceModel<Label> statesOnly =
                new HmmFeatureSequenceTrainer<>(hmmTrainer(), new LogisticRegressionTrainer(), false).train(labelled);
        Set<String> names = new TreeSet<>();
        for (VariableInfo v : statesOnly.getFeatureIDMap()) names.add(v.getName());
        assertEquals(Set.of("hmm_state_0", "hmm_state_1", "hmm_state_2"), names);
        int right = 0, all = 0;
        for (SequenceExample<Label> s : labelled) {
            List<Prediction<Label>> p = statesOnly.predict(s);
            for (int t = 0; t < s.size(); t++, all++) if (p.get(t).getOutput().equals(s.get(t).getOutput())) right++;
        }
        assertTrue(right > 0.95 * all, right + " of " + all);
    }

    @Test
    void provenanceNestsBothTrainersAndRebuildsTheModel() {
        TrainerProvenance provenance = model.getProvenance().getTrainerProvenance();
        TrainerProvenance hmm = (TrainerProvenance) provenance.getConfiguredParameters().get("hmmTrainer");
        assertEquals("3", hmm.getConfiguredParameters().get("states").toString());
        assertEquals("99", hmm.getConfiguredParameters().get("seed").toString());
        assertEquals(LogisticRegressionTrainer.class.getName(),
                ((TrainerProvenance) provenance.getConfiguredParameters().get("innerTrainer")).getClassName());
        assertEquals("true", provenance.getConfiguredParameters().get("keepRawFeatures").toString());

        List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(provenance);
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(config);
        @SuppressWarnings("unchecked")
        HmmFeatureSequenceTrainer<Label> rebuilt = (HmmFeatureSequenceTrainer<Label>) cm.lookup(config.get(0).getName());
        assertSamePredictions(model, rebuilt.train(labelled));
    }

    @Test
    void javaSerializationKeepsPredictionsAndProvenance() throws Exception {
        HmmFeatureSequenceModel<Label> loaded = Sequences.roundTrip(model);
        assertEquals(model.getProvenance(), loaded.getProvenance());
        assertSamePredictions(model, loaded);
    }

    private static void assertSamePredictions(HmmFeatureSequenceModel<Label> a, HmmFeatureSequenceModel<Label> b) {
        for (SequenceExample<Label> s : labelled) {
            List<Prediction<Label>> pa = a.predict(s), pb = b.predict(s);
            for (int t = 0; t < pa.size(); t++) assertTrue(pa.get(t).distributionEquals(pb.get(t), 0), "step " + t);
        }
    }

    @Test
    void aFeatureNamedLikeTheStateFeaturesIsRejected() {
        TimeSeries y = samples.get(0).observations();
        SequenceExample<Label> s = Sequences.sequence(y, t -> new Label("a"), true);
        s.get(0).add(new Feature("hmm_state_1", 1.0));
        MutableSequenceDataset<Label> clash = Sequences.dataset("clash", LABELS, List.of(s));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> new HmmFeatureSequenceTrainer<>(hmmTrainer(), new LogisticRegressionTrainer(), true).train(clash));
        assertTrue(ex.getMessage().contains("'hmm_state_1'"), ex.getMessage());
    }

    @Test
    void unlabelledStepsAreRejected() {
        SequenceExample<Label> s = Sequences.sequence(samples.get(0).observations(), t -> LabelFactory.UNKNOWN_LABEL, true);
        MutableSequenceDataset<Label> unknown = Sequences.dataset("unlabelled", LABELS, List.of(s));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> new HmmFeatureSequenceTrainer<>(hmmTrainer(), new LogisticRegressionTrainer(), true).train(unknown));
        assertTrue(ex.getMessage().contains("unknown outputs"), ex.getMessage());
    }
}

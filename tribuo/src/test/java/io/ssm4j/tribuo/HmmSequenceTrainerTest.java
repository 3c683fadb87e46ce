package io.ssm4j.tribuo;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.inference.em.HmmFitter;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.ProgressListener;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.sequence.MutableSequenceDataset;
import org.tribuo.sequence.SequenceExample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmmSequenceTrainerTest {
    private static final int ITERATIONS = 60, RESTARTS = 2;
    private static final double TOLERANCE = 1e-8;
    private static final long SEED = 7;

    private static List<HiddenMarkovModel.Sample> samples;
    private static MutableSequenceDataset<ClusterID> data;
    private static HmmSequenceModel model;

    @BeforeAll
    static void fit() {
        samples = Sequences.sample(Sequences.poissonTruth(), 6, 150, 11);
        List<SequenceExample<ClusterID>> seqs = new ArrayList<>();
        for (HiddenMarkovModel.Sample s : samples) {
            seqs.add(Sequences.sequence(s.observations(), t -> ClusteringFactory.UNASSIGNED_CLUSTER_ID, true));
        }
        data = Sequences.dataset("simulated Poisson HMM", new ClusteringFactory(), seqs);
        model = trainer().train(data);
    }

    private static HmmSequenceTrainer trainer() {
        return new HmmSequenceTrainer(3, "poisson", "standard", 0, false, ITERATIONS, TOLERANCE, RESTARTS, SEED, 2);
    }

    @Test
    void scoresArePosteriorMarginalsOfTheSameFitByTheCoreApi() {
        List<TimeSeries> series = samples.stream().map(HiddenMarkovModel.Sample::observations).toList();
        HiddenMarkovModel direct = HmmFitter.fit(HmmSpec.of(3, 4, EmissionType.POISSON), Trials.of(series),
                new FitOptions(ITERATIONS, TOLERANCE, 1, ProgressListener.NONE), RESTARTS, Rng.seeded(SEED)).model();
        for (int i = 0; i < samples.size(); i++) {
            double[] gamma = HiddenMarkovInference.posterior(direct, series.get(i)).expectedStates();
            List<Prediction<ClusterID>> predictions = model.predict(data.getExample(i));
            assertEquals(series.get(i).length(), predictions.size());
            for (int t = 0; t < predictions.size(); t++) {
                Prediction<ClusterID> p = predictions.get(t);
                assertTrue(p.hasProbabilities());
                int best = 0;
                for (int k = 0; k < 3; k++) {
                    assertEquals(gamma[t * 3 + k], p.getOutputScores().get(Integer.toString(k)).getScore(), 1e-9,
                            "sequence " + i + ", step " + t + ", state " + k);
                    if (gamma[t * 3 + k] > gamma[t * 3 + best]) best = k;
                }
                assertEquals(best, p.getOutput().getID(), "sequence " + i + ", step " + t);
            }
        }
    }

    @Test
    void statesRecoverTheSimulatedPathUpToRelabelling() {
        int[][] confusion = new int[3][3];
        int n = 0;
        for (int i = 0; i < samples.size(); i++) {
            List<Prediction<ClusterID>> predictions = model.predict(data.getExample(i));
            for (int t = 0; t < predictions.size(); t++, n++) {
                confusion[samples.get(i).states()[t]][predictions.get(t).getOutput().getID()]++;
            }
        }
        int best = 0;
        for (int[] perm : new int[][] {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}) {
            best = Math.max(best, confusion[0][perm[0]] + confusion[1][perm[1]] + confusion[2][perm[2]]);
        }
        assertTrue(best > 0.95 * n, "recovered " + best + " of " + n + " steps");
    }

    @Test
    void emObjectiveNeverDecreases() {
        double[] objective = model.objective();
        assertTrue(objective.length > 1);
        for (int i = 1; i < objective.length; i++) {
            assertTrue(objective[i] >= objective[i - 1] - 1e-8 * Math.abs(objective[i - 1]), "iteration " + i);
        }
    }

    @Test
    void provenanceRecordsTheHyperparametersAndRebuildsTheTrainer() {
        Map<String, Provenance> params = model.getProvenance().getTrainerProvenance().getConfiguredParameters();
        assertEquals("3", params.get("states").toString());
        assertEquals("poisson", params.get("emissions").toString());
        assertEquals(Integer.toString(RESTARTS), params.get("restarts").toString());
        assertEquals(Long.toString(SEED), params.get("seed").toString());
        assertEquals(Integer.toString(ITERATIONS), params.get("iterations").toString());

        List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(model.getProvenance().getTrainerProvenance());
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(config);
        HmmSequenceTrainer rebuilt = (HmmSequenceTrainer) cm.lookup(config.get(0).getName());
        HmmSequenceModel again = rebuilt.train(data);
        assertArrayEquals(model.posterior(data.getExample(0)), again.posterior(data.getExample(0)), 0);
    }

    @Test
    void javaSerializationKeepsPredictionsAndProvenance() throws Exception {
        HmmSequenceModel loaded = Sequences.roundTrip(model);
        assertEquals(model.getProvenance(), loaded.getProvenance());
        assertEquals(model.getOutputIDInfo().getDomain(), loaded.getOutputIDInfo().getDomain());
        for (SequenceExample<ClusterID> s : data) {
            List<Prediction<ClusterID>> a = model.predict(s), b = loaded.predict(s);
            for (int t = 0; t < a.size(); t++) {
                assertEquals(a.get(t).getOutput().getID(), b.get(t).getOutput().getID());
                for (int k = 0; k < 3; k++) {
                    String key = Integer.toString(k);
                    assertEquals(a.get(t).getOutputScores().get(key).getScore(), b.get(t).getOutputScores().get(key).getScore(), 0);
                }
            }
        }
    }

    @Test
    void outputDomainCountsTheTrainingStepsOfEachState() {
        long total = samples.stream().mapToLong(s -> s.states().length).sum();
        assertEquals(total, model.getOutputIDInfo().getTotalObservations());
        assertEquals(3, model.getOutputIDInfo().size());
    }

    @Test
    void badConfigurationIsRejectedWithTheFieldAndValue() {
        assertMessage(() -> new HmmSequenceTrainer(0, "poisson"), "states", "got 0");
        assertMessage(() -> new HmmSequenceTrainer(2, "poison"), "emissions", "unknown emission type 'poison'");
        assertMessage(() -> new HmmSequenceTrainer(2, "categorical"), "emissions", "not supported");
        assertMessage(() -> new HmmSequenceTrainer(2, "poisson", "input-driven", 0, false, 10, 0, 1, 1, 1),
                "transitions", "input-driven");
        assertMessage(() -> new HmmSequenceTrainer(2, "poisson", "standard", 5, false, 10, 0, 1, 1, 1),
                "stickiness", "sticky transitions only");
        assertMessage(() -> new HmmSequenceTrainer(2, "poisson", "sticky", 5, false, 0, 0, 1, 1, 1), "iterations", "got 0");
        assertMessage(() -> new HmmSequenceTrainer(2, "poisson", "sticky", 5, false, 10, -1, 1, 1, 1), "tolerance", "got -1");
        assertMessage(() -> new HmmSequenceTrainer(2, "poisson", "sticky", 5, false, 10, 0, 0, 1, 1), "restarts", "got 0");
        assertMessage(() -> new HmmSequenceTrainer(2, "poisson", "sticky", 5, false, 10, 0, 1, 1, 0), "threads", "got 0");
    }

    @Test
    void badConfigurationFromAConfigFileIsRejectedToo() {
        ConfigurationManager cm = new ConfigurationManager();
        ConfigurationData c = new ConfigurationData("hmm", HmmSequenceTrainer.class.getName());
        c.add("states", new com.oracle.labs.mlrg.olcut.config.property.SimpleProperty("-2"));
        cm.addConfiguration(c);
        PropertyException ex = assertThrows(PropertyException.class, () -> cm.lookup("hmm"));
        assertTrue(ex.getMessage().contains("states must be >= 1, got -2"), ex.getMessage());
    }

    @Test
    void emptyDatasetIsRejected() {
        MutableSequenceDataset<ClusterID> empty = Sequences.dataset("empty", new ClusteringFactory(), List.of());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> trainer().train(empty));
        assertTrue(ex.getMessage().contains("empty"), ex.getMessage());
    }

    private static void assertMessage(Runnable r, String field, String text) {
        PropertyException ex = assertThrows(PropertyException.class, r::run);
        assertEquals(field, ex.getProperty());
        assertTrue(ex.getMessage().contains(text), ex.getMessage());
        assertNotEquals(-1, ex.getMessage().indexOf("HmmSequenceTrainer"), ex.getMessage());
    }
}

package io.ssm4j.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import io.ssm4j.data.TimeSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sequence.LabelSequenceEvaluator;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.sequence.IndependentSequenceTrainer;
import org.tribuo.sequence.MutableSequenceDataset;
import org.tribuo.sequence.SequenceExample;
import org.tribuo.sequence.SequenceModel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real pipeline on the rat hippocampus recording: 31 units binned at 0.5 s, each bin labelled run or rest from
 * the animal's speed, the recording cut into 60 s sequences. The sequences that start between 600 s and 1200 s
 * (the end of the track session and the start of rest) are held out as one contiguous block. A Poisson HMM
 * segments the spike counts, and Tribuo's logistic regression decodes run vs rest from the counts plus the
 * HMM's posterior state probabilities, from the posteriors alone, and, as the baseline, from the counts alone.
 */
class LinearTrackPipelineTest {
    private static final double BIN = 0.5, CHUNK_SECONDS = 60, HOLD_FROM = 600, HOLD_TO = 1200;
    private static final LabelFactory LABELS = new LabelFactory();
    private static final Label RUN = new Label("run"), REST = new Label("rest");
    /** Tribuo's trainers log every SGD epoch at INFO; kept here so the level holds for the whole test. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    @BeforeAll
    static void quietTribuo() { TRIBUO_LOG.setLevel(Level.WARNING); }

    @Test
    void hmmPosteriorFeaturesDecodeRunningOnHeldOutData() throws IOException {
        LinearTrack track = LinearTrack.load(LinearTrack.folder(), BIN);
        assertEquals(31, track.counts().dim(), "units in the recording (README: 31 sorted units)");
        List<SequenceExample<Label>> train = new ArrayList<>(), test = new ArrayList<>();
        int chunk = (int) Math.round(CHUNK_SECONDS / BIN);
        for (int from = 0; from + chunk <= track.counts().length(); from += chunk) {
            TimeSeries y = track.counts().slice(from, from + chunk);
            int offset = from;
            SequenceExample<Label> s = Sequences.sequence(y, t -> track.running()[offset + t] ? RUN : REST, false);
            double seconds = from * BIN;
            (seconds >= HOLD_FROM && seconds < HOLD_TO ? test : train).add(s);
        }
        MutableSequenceDataset<Label> trainData = Sequences.dataset("linear track, training chunks", LABELS, train);
        MutableSequenceDataset<Label> testData = Sequences.dataset("linear track, held-out chunks", LABELS, test);

        HmmSequenceTrainer hmm = new HmmSequenceTrainer(4, "poisson", "standard", 0, true, 50, 1e-5, 2, 1234, 1);
        Trainer<Label> logistic = new LogisticRegressionTrainer();
        double raw = accuracy(new IndependentSequenceTrainer<>(logistic).train(trainData), testData);
        HmmFeatureSequenceTrainer<Label> both = new HmmFeatureSequenceTrainer<>(hmm, logistic, true);
        HmmFeatureSequenceModel<Label> bothModel = both.train(trainData);
        double withStates = accuracy(bothModel, testData);
        double statesOnly = accuracy(new HmmFeatureSequenceTrainer<>(hmm, logistic, false).train(trainData), testData);
        double majority = majorityRate(testData);
        System.out.printf("held-out run/rest accuracy over %d bins (majority class %.3f): counts %.3f, "
                        + "counts + HMM posteriors %.3f, HMM posteriors only %.3f%n",
                test.size() * chunk, majority, raw, withStates, statesOnly);

        assertTrue(raw > majority + 0.1, "counts-only baseline " + raw + " vs majority " + majority);
        assertTrue(withStates > majority + 0.1, "counts + posteriors " + withStates + " vs majority " + majority);
        assertTrue(statesOnly > majority + 0.1, "posteriors only " + statesOnly + " vs majority " + majority);

        TrainerProvenance provenance = bothModel.getProvenance().getTrainerProvenance();
        Map<String, Provenance> hmmParams = ((TrainerProvenance) provenance.getConfiguredParameters().get("hmmTrainer"))
                .getConfiguredParameters();
        assertEquals("4", hmmParams.get("states").toString());
        assertEquals("poisson", hmmParams.get("emissions").toString());
        assertEquals("true", hmmParams.get("conjugatePrior").toString());
        assertEquals(LogisticRegressionTrainer.class.getName(),
                ((TrainerProvenance) provenance.getConfiguredParameters().get("innerTrainer")).getClassName());
    }

    private static double accuracy(SequenceModel<Label> model, MutableSequenceDataset<Label> data) {
        return new LabelSequenceEvaluator().evaluate(model, data).accuracy();
    }

    private static double majorityRate(MutableSequenceDataset<Label> data) {
        long run = 0, all = 0;
        for (SequenceExample<Label> s : data) {
            for (var step : s) {
                all++;
                if (step.getOutput().equals(RUN)) run++;
            }
        }
        return Math.max(run, all - run) / (double) all;
    }
}

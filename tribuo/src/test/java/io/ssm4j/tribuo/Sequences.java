package io.ssm4j.tribuo;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.sequence.MutableSequenceDataset;
import org.tribuo.sequence.SequenceExample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Test helpers: Tribuo sequences from dense series, a simulated Poisson HMM, a Java-serialization round trip. */
final class Sequences {
    private Sequences() {}

    /** The name of column d: zero-padded so that Tribuo's sorted feature ids equal the column index. */
    static String feature(int d) { return String.format("unit_%02d", d); }

    /**
     * The rows of y as one Tribuo sequence, step t with output(t).
     *
     * @param sparse leave zero entries out (Tribuo's sparse convention, which the adapter must undo); Tribuo
     *               rejects a step left with no feature at all
     */
    static <T extends Output<T>> SequenceExample<T> sequence(TimeSeries y, IntFunction<T> output, boolean sparse) {
        List<Example<T>> steps = new ArrayList<>(y.length());
        for (int t = 0; t < y.length(); t++) {
            ArrayExample<T> step = new ArrayExample<>(output.apply(t));
            for (int d = 0; d < y.dim(); d++) if (!sparse || y.value(t, d) != 0) step.add(feature(d), y.value(t, d));
            steps.add(step);
        }
        return new SequenceExample<>(steps);
    }

    static <T extends Output<T>> MutableSequenceDataset<T> dataset(String description, OutputFactory<T> factory,
                                                                   List<SequenceExample<T>> sequences) {
        MutableSequenceDataset<T> data = new MutableSequenceDataset<>(
                new SimpleDataSourceProvenance(description, factory), factory);
        for (SequenceExample<T> s : sequences) data.add(s);
        return data;
    }

    /** A 3-state Poisson HMM over 4 units with sticky transitions and well separated rates. */
    static HiddenMarkovModel poissonTruth() {
        double[] rates = {
            0.5, 0.5, 6.0, 1.0,
            5.0, 1.0, 0.5, 2.0,
            1.0, 6.0, 1.0, 5.0};
        double[] trans = {
            0.94, 0.03, 0.03,
            0.04, 0.92, 0.04,
            0.05, 0.05, 0.90};
        return HmmFactory.fromParameters(HmmSpec.of(3, 4, EmissionType.POISSON), Map.of(
                "initial_probs", NdArray.of(new double[] {0.4, 0.3, 0.3}, 3),
                "transition_matrix", NdArray.of(trans, 3, 3),
                "rates", NdArray.of(rates, 3, 4)));
    }

    static List<HiddenMarkovModel.Sample> sample(HiddenMarkovModel model, int sequences, int length, long seed) {
        Rng rng = Rng.seeded(seed);
        List<HiddenMarkovModel.Sample> out = new ArrayList<>();
        for (int i = 0; i < sequences; i++) out.add(model.sample(length, null, 0, rng));
        return out;
    }

    @SuppressWarnings("unchecked")
    static <M> M roundTrip(M object) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (M) in.readObject();
        }
    }
}

package io.ssm4j.tribuo;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.sequence.SequenceDataset;
import org.tribuo.sequence.SequenceExample;

import java.util.ArrayList;
import java.util.List;

/**
 * Dense T x D observation matrices from Tribuo sequences: row t is step t, column d the feature whose id in the
 * feature map is d. A feature absent from a step is 0 (Tribuo's sparse convention), a feature the map does not
 * know is ignored, and a NaN value is a missing observation.
 */
final class SequenceMatrix {
    private SequenceMatrix() {}

    static TimeSeries of(SequenceExample<?> sequence, ImmutableFeatureMap features) {
        int n = sequence.size(), d = features.size();
        if (n == 0) throw new IllegalArgumentException("sequence example has no steps");
        double[] values = new double[n * d];
        for (int t = 0; t < n; t++) {
            Example<?> step = sequence.get(t);
            for (Feature f : step) {
                int id = features.getID(f.getName());
                if (id >= 0) values[t * d + id] = f.getValue();
            }
        }
        return TimeSeries.of(values, n, d);
    }

    static Trials of(SequenceDataset<?> data, ImmutableFeatureMap features) {
        List<TimeSeries> trials = new ArrayList<>(data.size());
        int i = 0;
        for (SequenceExample<?> sequence : data) {
            try {
                trials.add(of(sequence, features));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("sequence " + i + " of the dataset: " + ex.getMessage(), ex);
            }
            i++;
        }
        return Trials.of(trials);
    }
}

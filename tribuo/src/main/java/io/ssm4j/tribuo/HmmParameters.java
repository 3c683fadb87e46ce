package io.ssm4j.tribuo;

import io.ssm4j.data.NdArray;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import io.ssm4j.models.hmm.TransitionType;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted HMM in a form Java serialization can store: the {@link HmmSpec} as plain fields and every parameter
 * as a named array with its shape ({@link HiddenMarkovModel#parameters()}: initial_probs, transition_matrix and
 * the emission arrays). {@link #model()} rebuilds the model with {@link HmmFactory#fromParameters}, so the
 * ssm4j model classes need not be serializable.
 */
public final class HmmParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int numStates;
    private final int dim;
    private final String emissions;
    private final String transitions;
    private final int lags;
    private final int inputDim;
    private final int categories;
    private final boolean conjugatePrior;
    private final double stickiness;
    private final LinkedHashMap<String, double[]> values = new LinkedHashMap<>();
    private final LinkedHashMap<String, int[]> shapes = new LinkedHashMap<>();
    private transient volatile HiddenMarkovModel model;

    private HmmParameters(HmmSpec spec, HiddenMarkovModel model) {
        this.numStates = spec.numStates();
        this.dim = spec.dim();
        this.emissions = spec.emissions().cliName();
        this.transitions = spec.transitions().cliName();
        this.lags = spec.lags();
        this.inputDim = spec.inputDim();
        this.categories = spec.categories();
        this.conjugatePrior = spec.conjugatePrior();
        this.stickiness = spec.stickiness();
        for (Map.Entry<String, NdArray> e : model.parameters().entrySet()) {
            values.put(e.getKey(), e.getValue().toArray());
            shapes.put(e.getKey(), e.getValue().shape());
        }
        this.model = model;
    }

    /** The parameters of {@code model}, whose structure is {@code spec}. */
    public static HmmParameters of(HmmSpec spec, HiddenMarkovModel model) {
        if (spec.numStates() != model.numStates() || spec.dim() != model.dim()) {
            throw new IllegalArgumentException("spec has K=" + spec.numStates() + ", D=" + spec.dim() + " but the model has K="
                    + model.numStates() + ", D=" + model.dim());
        }
        return new HmmParameters(spec, model);
    }

    public HmmSpec spec() {
        return new HmmSpec(numStates, dim, EmissionType.parse(emissions), TransitionType.parse(transitions), lags, inputDim,
                categories, conjugatePrior, stickiness);
    }

    /** The model, rebuilt from the stored arrays on first use after deserialization. */
    public HiddenMarkovModel model() {
        HiddenMarkovModel m = model;
        if (m == null) {
            Map<String, NdArray> arrays = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : values.entrySet()) {
                arrays.put(e.getKey(), NdArray.of(e.getValue(), shapes.get(e.getKey())));
            }
            m = HmmFactory.fromParameters(spec(), arrays);
            model = m;
        }
        return m;
    }
}

package io.ssm4j.tribuo;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * Appends posterior state probabilities to a step's features: {@code hmm_state_k} = p(z_t = k | y_{1:T}) for
 * k = 0..K-1, after the step's own features or instead of them.
 */
final class StateFeatures {
    /** The name prefix of the appended features. */
    static final String PREFIX = "hmm_state_";

    private StateFeatures() {}

    static String name(int k) { return PREFIX + k; }

    /**
     * The step with the posterior of time t appended (gamma is T x K row-major); keeps the output and weight.
     *
     * @param keepRaw whether the step's own features stay
     */
    static <T extends Output<T>> Example<T> append(Example<T> step, double[] gamma, int t, int k, boolean keepRaw) {
        int raw = keepRaw ? step.size() : 0;
        String[] names = new String[raw + k];
        double[] values = new double[raw + k];
        int i = 0;
        if (keepRaw) {
            for (Feature f : step) {
                if (f.getName().startsWith(PREFIX)) {
                    throw new IllegalArgumentException("feature '" + f.getName() + "' clashes with the appended HMM"
                            + " state features (prefix '" + PREFIX + "'); rename it");
                }
                names[i] = f.getName();
                values[i++] = f.getValue();
            }
        }
        for (int j = 0; j < k; j++) {
            names[i] = name(j);
            values[i++] = gamma[t * k + j];
        }
        ArrayExample<T> out = new ArrayExample<>(step.getOutput(), names, values);
        out.setWeight(step.getWeight());
        return out;
    }
}

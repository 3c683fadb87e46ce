package io.ssm4j.inference.lds;

import java.util.EnumSet;
import java.util.Locale;

/**
 * The parameters of the linear dynamical system
 * x_{t+1} = A x_t + B u_t + b + w_t (w_t ~ N(0, Q)), y_t = C x_t + D u_t + d + v_t (v_t ~ N(0, R)),
 * x_1 ~ N(m0, P0), named as in the model files, so a fit can hold any of them fixed.
 */
public enum LdsParameter {
    A, B, b, Q, C, D, d, R, m0, P0;

    /**
     * The parameters of a comma-separated list of names (case-sensitive, as in the model files: "A,Q,m0");
     * an empty or null list is the empty set.
     *
     * @throws IllegalArgumentException naming an unknown name and the valid ones
     */
    public static EnumSet<LdsParameter> parseList(String names) {
        EnumSet<LdsParameter> out = EnumSet.noneOf(LdsParameter.class);
        if (names == null || names.isBlank()) return out;
        for (String raw : names.split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) continue;
            LdsParameter found = null;
            for (LdsParameter p : values()) if (p.name().equals(name)) found = p;
            if (found == null) {
                throw new IllegalArgumentException("unknown LDS parameter '" + name + "' (expected one of "
                        + String.join(", ", java.util.Arrays.stream(values()).map(Enum::name).toList())
                        + (name.toLowerCase(Locale.ROOT).equals(name) ? "; names are case-sensitive" : "") + ")");
            }
            out.add(found);
        }
        return out;
    }
}

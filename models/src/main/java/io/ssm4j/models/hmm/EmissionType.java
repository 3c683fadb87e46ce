package io.ssm4j.models.hmm;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The emission families of the HMM family, by their command-line names. */
public enum EmissionType {
    GAUSSIAN("gaussian"),
    DIAGONAL_GAUSSIAN("diagonal-gaussian"),
    STUDENT_T("student-t"),
    POISSON("poisson"),
    BERNOULLI("bernoulli"),
    CATEGORICAL("categorical"),
    AUTOREGRESSIVE("ar"),
    ROBUST_AUTOREGRESSIVE("robust-ar");

    private final String cliName;

    EmissionType(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() { return cliName; }

    public boolean isAutoregressive() { return this == AUTOREGRESSIVE || this == ROBUST_AUTOREGRESSIVE; }

    public static EmissionType parse(String name) {
        for (EmissionType e : values()) if (e.cliName.equals(name)) return e;
        throw new IllegalArgumentException("unknown emission type '" + name + "'; expected one of "
                + Arrays.stream(values()).map(EmissionType::cliName).collect(Collectors.joining(", ")));
    }
}

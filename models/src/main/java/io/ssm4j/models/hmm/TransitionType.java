package io.ssm4j.models.hmm;

/** The transition models of the HMM family, by their command-line names. */
public enum TransitionType {
    STANDARD("standard"), STICKY("sticky"), INPUT_DRIVEN("input-driven");

    private final String cliName;

    TransitionType(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() { return cliName; }

    public static TransitionType parse(String name) {
        for (TransitionType t : values()) if (t.cliName.equals(name)) return t;
        throw new IllegalArgumentException("unknown transition type '" + name
                + "'; expected one of standard, sticky, input-driven");
    }
}

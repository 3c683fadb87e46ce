package io.ssm4j.cli;

import io.ssm4j.models.lds.EmissionFamily;

/**
 * The emission families of a linear dynamical system as the command line names them: {@code --emissions} gaussian,
 * poisson or bernoulli with {@code --link} exp or softplus (poisson; default exp) or logistic (bernoulli, its only
 * link). {@code --model plds} is the Poisson LDS, {@code --model lds --emissions poisson}. The GLM families map onto
 * {@link EmissionFamily}; Gaussian emissions are the {@code LinearGaussianStateSpaceModel}.
 */
enum LdsEmissions {
    GAUSSIAN("gaussian", null, null, "Gaussian LDS"),
    POISSON_EXP("poisson", "exp", EmissionFamily.POISSON_EXP, "Poisson LDS (exp link)"),
    POISSON_SOFTPLUS("poisson", "softplus", EmissionFamily.POISSON_SOFTPLUS, "Poisson LDS (softplus link)"),
    BERNOULLI_LOGISTIC("bernoulli", "logistic", EmissionFamily.BERNOULLI_LOGISTIC, "Bernoulli LDS (logistic link)");

    private final String emissions;
    private final String link;
    private final EmissionFamily family;
    private final String title;

    LdsEmissions(String emissions, String link, EmissionFamily family, String title) {
        this.emissions = emissions;
        this.link = link;
        this.family = family;
        this.title = title;
    }

    /** The {@code --emissions} name. */
    String emissions() { return emissions; }

    /** The {@code --link} name (null for gaussian). */
    String link() { return link; }

    /** The GLM family (null for gaussian). */
    EmissionFamily family() { return family; }

    /** A title such as "Poisson LDS (exp link)". */
    String title() { return title; }

    /** Whether {@code --model} names a linear dynamical system (lds, or plds for the Poisson LDS). */
    static boolean isLdsModel(String model) { return "lds".equals(model) || "plds".equals(model); }

    /**
     * The family that {@code --model}, {@code --emissions} and {@code --link} name, or null when {@code --model lds}
     * is given without {@code --emissions} (and without {@code --link}).
     *
     * @throws IllegalArgumentException naming the option when the combination is not an LDS family
     */
    static LdsEmissions forModel(String model, String emissions, String link) {
        if ("plds".equals(model)) {
            if (emissions != null && !"poisson".equals(emissions)) {
                throw new IllegalArgumentException("--model plds is the Poisson LDS and takes --emissions poisson, got '" + emissions
                        + "' (for other emissions use --model lds --emissions " + emissions + ")");
            }
            return parse("poisson", link);
        }
        if (!"lds".equals(model)) throw new IllegalArgumentException("--model must be lds or plds here, got '" + model + "'");
        if (emissions == null) {
            if (link != null) throw new IllegalArgumentException("--link " + link + " needs --emissions poisson or bernoulli");
            return null;
        }
        return parse(emissions, link);
    }

    /**
     * The family of {@code --emissions} with {@code --link} (null for the family's default link).
     *
     * @throws IllegalArgumentException naming the option when the emissions or the link do not exist for an LDS
     */
    static LdsEmissions parse(String emissions, String link) {
        return switch (emissions) {
            case "gaussian" -> {
                if (link != null) throw new IllegalArgumentException("--link applies to poisson or bernoulli emissions, not gaussian (got --link " + link + ")");
                yield GAUSSIAN;
            }
            case "poisson" -> switch (link == null ? "exp" : link) {
                case "exp" -> POISSON_EXP;
                case "softplus" -> POISSON_SOFTPLUS;
                default -> throw new IllegalArgumentException("--link for poisson emissions must be exp or softplus, got '" + link + "'");
            };
            case "bernoulli" -> {
                if (link != null && !"logistic".equals(link)) {
                    throw new IllegalArgumentException("--link for bernoulli emissions must be logistic, got '" + link + "'");
                }
                yield BERNOULLI_LOGISTIC;
            }
            default -> throw new IllegalArgumentException("--emissions for an lds must be gaussian, poisson or bernoulli, got '"
                    + emissions + "'");
        };
    }

    /** The entry of a GLM family. */
    static LdsEmissions of(EmissionFamily family) {
        for (LdsEmissions e : values()) if (e.family == family && family != null) return e;
        throw new IllegalArgumentException("no command-line name for emission family " + family);
    }
}

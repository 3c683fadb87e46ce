package io.ssm4j.datasets.catalog;

/**
 * One line of the dataset catalog: a name to ask for, whether it is a real recording or a built-in simulator,
 * a one-line description, its shape in words, and how to cite it.
 */
public record DatasetEntry(String name, Kind kind, String description, String shape, String citation) {
    /** Where a dataset comes from. */
    public enum Kind { REAL, SIMULATOR }
}

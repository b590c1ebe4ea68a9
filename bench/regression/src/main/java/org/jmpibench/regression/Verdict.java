package org.jmpibench.regression;

/** The outcome for one benchmark metric, from the current run's point of view. */
public enum Verdict {
    /** Significantly worse, by more than the threshold: fails the build. */
    REGRESSED,
    /** Significantly better, by more than the threshold. */
    IMPROVED,
    /** No significant difference, or one within the threshold. */
    UNCHANGED,
    /** Both runs have it but no verdict is possible: units, too few iterations, no raw data. */
    NOT_COMPARABLE,
    /** In the baseline only: the benchmark did not run, failed, or was renamed. */
    MISSING,
    /** In the current run only: no baseline yet. */
    NEW;

    /** The lower-case label used in tables and JSON, e.g. {@code not comparable}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}

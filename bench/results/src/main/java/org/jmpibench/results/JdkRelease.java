package org.jmpibench.results;

/**
 * The value of the {@link Param#JDK} parameter: the Java feature release a job's ranks ran on, {@code 17} or
 * {@code 25}. That is what a reader compares across runs and machines; the exact build of each JDK (version string,
 * vendor, path) is in the run's context ({@link RunContext#jdks()}), and the gate notes when two runs' builds of one
 * release differ. So one run holds one JDK per release.
 */
public final class JdkRelease {

    /**
     * What results from before the parameter ran on: every rank on the launcher's JDK, which was Java 17, the suite's
     * Java baseline (the committed baseline's context says 17.0.15).
     */
    public static final String BEFORE_CHOICE = "17";

    private JdkRelease() {}

    /** The parameter's value for a JDK of this feature release. */
    public static String of(int feature) {
        return Integer.toString(feature);
    }

    /** {@code JDK 25}: how table columns, progress lines and chart legends name a release. */
    public static String label(String release) {
        return "JDK " + release;
    }
}

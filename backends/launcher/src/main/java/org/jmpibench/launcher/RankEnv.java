package org.jmpibench.launcher;

/**
 * Environment variables every rank started by {@link ProcessJobRunner} finds. The job token travels in the environment,
 * never on the command line: {@code /proc/PID/environ} is readable only by the job's user, while {@code ps} shows
 * command lines to everyone.
 */
public final class RankEnv {

    public static final String RANK = "JMPI_RANK";
    public static final String SIZE = "JMPI_SIZE";
    /** Unique per job: names shared files, tells jobs apart. */
    public static final String JOB_ID = "JMPI_JOB_ID";
    /** Random secret of the job: a peer must present it before it is trusted. */
    public static final String JOB_TOKEN = "JMPI_JOB_TOKEN";

    private RankEnv() {}

    public static int rank() {
        return intVar(RANK);
    }

    public static int size() {
        return intVar(SIZE);
    }

    public static String jobId() {
        return require(JOB_ID);
    }

    public static String jobToken() {
        return require(JOB_TOKEN);
    }

    public static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(
                    "$" + name + " is not set: this process was not started by a " + "jmpi-bench launcher");
        }
        return value;
    }

    private static int intVar(String name) {
        String value = require(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("$" + name + " is not a number: " + value, e);
        }
    }
}

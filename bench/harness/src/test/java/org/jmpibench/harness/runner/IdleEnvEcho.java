package org.jmpibench.harness.runner;

/** Test-only rank program: prints the idle variables this rank's JVM was started with, then exits. */
public final class IdleEnvEcho {

    static final String[] VARIABLES = {"JMPI_SHM_IDLE", "JMPI_LOOPBACK_IDLE", "JMPI_LOOPBACK_YIELD_COUNT"};

    private IdleEnvEcho() {}

    public static void main(String[] args) {
        StringBuilder line = new StringBuilder("idle-env rank=" + System.getenv("JMPI_RANK"));
        for (String name : VARIABLES) {
            line.append(' ').append(name).append('=').append(System.getenv(name));
        }
        System.out.println(line);
    }
}

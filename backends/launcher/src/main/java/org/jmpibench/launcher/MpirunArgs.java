package org.jmpibench.launcher;

/**
 * Extra {@code mpirun} arguments for the openmpi backend, e.g. {@code --bind-to none}: a system property of the JVM
 * that launches a job, read by the openmpi launcher and set by whoever starts that JVM (the command line's
 * {@code --mpirun-args}, the benchmark harness for its fork launchers). Split on white space; no quoting.
 */
public final class MpirunArgs {

    /** The property's name. */
    public static final String PROPERTY = "jmpi.openmpi.mpirunArgs";

    private MpirunArgs() {}
}

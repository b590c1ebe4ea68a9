package org.jmpibench.harness.runner;

import java.util.function.IntSupplier;
import org.jmpibench.launcher.MpirunArgs;
import picocli.CommandLine.Option;

/**
 * {@code --mpirun-args}: extra {@code mpirun} arguments for the openmpi backend. A picocli mixin for the commands that
 * start one job in this JVM ({@code demo}, {@code run}); {@code bench} has the option of the same name among its
 * settings, which its fork wrapper hands to every fork's launcher.
 */
public final class MpirunArgsOption {

    static final String OPTION = "--mpirun-args";

    @Option(
            names = OPTION,
            paramLabel = "'ARGS'",
            description = "Extra mpirun arguments for the openmpi backend, "
                    + "split at spaces, e.g. '--bind-to none' (default: the -D" + MpirunArgs.PROPERTY
                    + " property, if set).")
    String args;

    /**
     * Runs {@code job} with the arguments as this JVM's {@link MpirunArgs#PROPERTY}, which the openmpi launcher reads
     * when it starts a job, and puts the property back afterwards; without the option, {@code job} runs as it is.
     *
     * @return what {@code job} returns
     */
    public int around(IntSupplier job) {
        if (args == null || args.isBlank()) {
            return job.getAsInt();
        }
        String before = System.getProperty(MpirunArgs.PROPERTY);
        System.setProperty(MpirunArgs.PROPERTY, args.strip());
        try {
            return job.getAsInt();
        } finally {
            if (before == null) {
                System.clearProperty(MpirunArgs.PROPERTY);
            } else {
                System.setProperty(MpirunArgs.PROPERTY, before);
            }
        }
    }
}

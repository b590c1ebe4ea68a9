package org.jmpibench.harness.runner;

import org.jmpibench.launcher.Jdks;
import org.jmpibench.spi.Jdk;
import picocli.CommandLine.Option;

/**
 * {@code --jdk}: the JDK a job's ranks run on. A picocli mixin for the commands that start one job ({@code demo},
 * {@code run}); {@code bench} takes a list of them ({@link RunJdk#parse}). Every spelling goes through
 * {@link #resolve}, so a JDK that is missing, ambiguous or older than Java {@value Jdks#MINIMUM_FEATURE} is the same
 * one line everywhere, found before anything runs.
 */
public final class JdkOption {

    static final String OPTION = "--jdk";

    @Option(
            names = OPTION,
            paramLabel = "JDK",
            description = "The JDK the ranks run on: a path (a JDK's home or its "
                    + "bin/java), or a name under /usr/lib/jvm such as 17, 25 or temurin-25 (default: the JDK running this "
                    + "command).")
    String choice;

    /** The JDK asked for, or null for the JDK running this command (as before the option existed). */
    public Jdk jdk() {
        return choice == null ? null : resolve(choice);
    }

    /**
     * The JDK {@code choice} names, at least Java {@value Jdks#MINIMUM_FEATURE}.
     *
     * @throws IllegalArgumentException one line starting with the option's name
     */
    static Jdk resolve(String choice) {
        try {
            return Jdks.resolve(choice);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(OPTION + ": " + e.getMessage(), e);
        }
    }
}

package org.jmpibench.harness.runner;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmpibench.harness.job.Follower;
import org.jmpibench.spi.RankProgram;

/**
 * A JVM command line as JMH hands it to its {@code jvm} (everything after the executable), split into what a
 * {@link RankProgram} needs. JMH 1.37 builds a fork as {@code JVM [jvmArgs...] [-XX:CompileCommandFile=...] -cp
 * CLASSPATH org.openjdk.jmh.runner.ForkedMain HOST PORT} and its properties probe as {@code JVM -cp CLASSPATH
 * org.openjdk.jmh.runner.PrintPropertiesMain}.
 *
 * @param jvmOptions everything before the main class except the class path option
 * @param classpath the class path entries, in order
 * @param mainClass the main class
 * @param args everything after the main class
 */
public record ForkCommand(List<String> jvmOptions, List<Path> classpath, String mainClass, List<String> args) {

    /** JMH's forked benchmark VM: the only command that becomes a job. */
    public static final String FORKED_MAIN = "org.openjdk.jmh.runner.ForkedMain";

    public ForkCommand {
        jvmOptions = List.copyOf(jvmOptions);
        classpath = List.copyOf(classpath);
        args = List.copyOf(args);
    }

    /** True when {@code command} starts a JMH fork (rather than JMH's properties probe or anything else). */
    public static boolean isFork(List<String> command) {
        return command.contains(FORKED_MAIN);
    }

    /**
     * Parses a fork command (without the executable).
     *
     * @throws IllegalArgumentException when it does not run {@value #FORKED_MAIN} or has no class path
     */
    public static ForkCommand parse(List<String> command) {
        int main = command.indexOf(FORKED_MAIN);
        if (main < 0) {
            throw new IllegalArgumentException("not a JMH fork command (no " + FORKED_MAIN + "): " + command);
        }
        List<String> options = new ArrayList<>();
        String classpath = null;
        for (int i = 0; i < main; i++) {
            String arg = command.get(i);
            if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")) {
                if (i + 1 >= main) {
                    throw new IllegalArgumentException("class path option " + arg + " without a value: " + command);
                }
                classpath = command.get(++i);
            } else if (arg.startsWith("--class-path=")) {
                classpath = arg.substring("--class-path=".length());
            } else {
                options.add(arg);
            }
        }
        if (classpath == null) {
            throw new IllegalArgumentException("JMH fork command without a class path: " + command);
        }
        List<Path> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry));
            }
        }
        return new ForkCommand(options, entries, FORKED_MAIN, command.subList(main + 1, command.size()));
    }

    /** Rank 0: exactly JMH's forked VM. */
    public RankProgram leader() {
        return new RankProgram(jvmOptions, classpath, mainClass, args);
    }

    /** Ranks 1..N-1: {@link Follower} with the same JVM options and class path as the leader. */
    public RankProgram follower() {
        return new RankProgram(jvmOptions, classpath, Follower.class.getName(), List.of());
    }
}

package org.jmpibench.launcher;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jmpibench.spi.RankProgram;

/** Turns what a rank runs into the command line of its process. */
@FunctionalInterface
public interface RankCommand {

    List<String> command(int rank, int np, RankProgram program);

    /** The JVM running this launcher: ranks use the same Java. */
    static Path currentJava() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /** {@code java <jvmOptions> -cp <classpath + extra> <main> <args>}, the same for every rank. */
    static RankCommand plainJava(List<Path> extraClasspath, List<String> extraJvmOptions) {
        return (rank, np, program) -> {
            List<String> cmd = new ArrayList<>();
            cmd.add(currentJava().toString());
            cmd.addAll(extraJvmOptions);
            cmd.addAll(program.jvmOptions());
            cmd.add("-cp");
            cmd.add(classpath(program.classpath(), extraClasspath));
            cmd.add(program.mainClass());
            cmd.addAll(program.args());
            return cmd;
        };
    }

    static String classpath(List<Path> first, List<Path> then) {
        List<Path> all = new ArrayList<>(first);
        all.addAll(then);
        return all.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}

package org.jmpibench.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What one rank runs: a Java main class with its class path, JVM options and arguments. The launcher adds what its
 * backend needs (its own jars, native library path, job environment) around it.
 *
 * @param jvmOptions options before the main class, e.g. {@code -Xmx1g}; never put secrets here ({@code ps} shows them
 *     to every user)
 * @param classpath the application's class path; the backend appends its own library jars
 */
public record RankProgram(List<String> jvmOptions, List<Path> classpath, String mainClass, List<String> args) {

    public RankProgram {
        jvmOptions = List.copyOf(jvmOptions);
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(mainClass, "mainClass");
        args = List.copyOf(args);
    }

    public static RankProgram of(List<Path> classpath, String mainClass, String... args) {
        return new RankProgram(List.of(), classpath, mainClass, List.of(args));
    }

    public RankProgram withJvmOptions(List<String> options) {
        return new RankProgram(options, classpath, mainClass, args);
    }
}

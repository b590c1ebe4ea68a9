package org.jmpibench.launcher;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jmpibench.spi.Jdk;
import org.jmpibench.spi.RankProgram;

/** Turns what a rank runs into the command line of its process. */
@FunctionalInterface
public interface RankCommand {

    /** The command line of rank {@code rank} of {@code np}, running {@code program} on {@code jdk}. */
    List<String> command(int rank, int np, RankProgram program, Jdk jdk);

    /** The JVM running this launcher. */
    static Path currentJava() {
        return ProcessHandle.current()
                .info()
                .command()
                .map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /**
     * {@code java <extra options> <jvmOptions> -cp <classpath + extra> <main> <args>}, the same for every rank; the
     * extra options may depend on the JDK (see {@link #nativeAccessOptions}).
     */
    static RankCommand plainJava(List<Path> extraClasspath, Function<Jdk, List<String>> extraJvmOptions) {
        return (rank, np, program, jdk) -> {
            List<String> cmd = new ArrayList<>();
            cmd.add(jdk.java().toString());
            cmd.addAll(extraJvmOptions.apply(jdk));
            cmd.addAll(program.jvmOptions());
            cmd.add("-cp");
            cmd.add(classpath(program.classpath(), extraClasspath));
            cmd.add(program.mainClass());
            cmd.addAll(program.args());
            return cmd;
        };
    }

    /**
     * The jars (or class directories) the given classes were loaded from, without repeats: what a backend adds to its
     * ranks' class path so they find the backend whatever the program's own class path holds. A class from no file
     * location (a custom loader) adds nothing: the program's class path must then provide it.
     */
    static List<Path> codeSourcesOf(Class<?>... types) {
        List<Path> paths = new ArrayList<>();
        for (Class<?> type : types) {
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                continue;
            }
            try {
                Path path = Path.of(source.getLocation().toURI());
                if (!paths.contains(path)) {
                    paths.add(path);
                }
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                // Not a file location: nothing to add.
            }
        }
        return paths;
    }

    /**
     * The options that let code on the class path call native code, for ranks that do (JNI libraries, the
     * foreign-function API). From Java 22 on such calls are "restricted": without this option the JVM warns on the
     * first one (Java 24 and later also for JNI), and a future release will refuse them. Nothing before 22.
     */
    static List<String> nativeAccessOptions(Jdk jdk) {
        return jdk.feature() >= 22 ? List.of("--enable-native-access=ALL-UNNAMED") : List.of();
    }

    static String classpath(List<Path> first, List<Path> then) {
        List<Path> all = new ArrayList<>(first);
        all.addAll(then);
        return all.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}

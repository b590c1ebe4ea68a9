package org.jmpibench.regression.ab;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ab} from a copy of its jar when the jar it runs from is the one the work tree's build will write:
 * building head in place rewrites {@code bench/target/jmpi-bench.jar} under the running JVM, which then fails to load
 * its next class. The copy runs the same arguments with this process's input and output, and this process passes its
 * exit status on; a signal to this process stops the copy the way it would have stopped this one. Everything this class
 * needs after the copy started comes from the JDK, not from the jar.
 */
final class FromCopy {

    /** How long the copy gets to write its files after a signal (it stops its fork and rewrites the reports). */
    private static final long STOP_GRACE_SECONDS = 120;

    private FromCopy() {}

    /** The jar this class runs from, or null when it does not run from a jar. */
    static Path runningJar() {
        try {
            Path source = Path.of(FromCopy.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isRegularFile(source) ? source : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code running} is the jar the build of {@code workTree} writes. */
    static boolean needed(Path running, Path workTree) {
        Path built = workTree.resolve(RevisionBuilder.JAR);
        try {
            return running != null && Files.exists(built) && Files.isSameFile(running, built);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Runs {@code ab ARGS} from a copy of {@code jar} and ends this JVM with its exit status. It ends it at once (no
     * shutdown hooks, no return to the command line's code): by then head's build has rewritten {@code jar}, and
     * loading one more class from it would fail.
     *
     * @param args {@code ab}'s own arguments, without the command's name
     */
    static void runAndExit(Path jar, List<String> args) throws IOException, InterruptedException {
        Path copy = Files.createTempFile("jmpi-bench-ab-", ".jar");
        int status;
        try {
            Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", copy.toString(), "ab"));
            command.addAll(args);
            Process process = new ProcessBuilder(command).inheritIO().start();
            Thread stop = new Thread(
                    () -> {
                        process.destroy();
                        try {
                            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                                process.destroyForcibly();
                            }
                        } catch (InterruptedException e) {
                            process.destroyForcibly();
                        }
                    },
                    "ab-stop-copy");
            Runtime.getRuntime().addShutdownHook(stop);
            status = process.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook stopped the copy
            }
        } finally {
            Files.deleteIfExists(copy);
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}

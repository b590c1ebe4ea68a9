package org.jmpibench.multihost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The command line ({@code java -jar jmpi-bench.jar ARGS}) running inside one simulated host, as a user would run it on
 * the first node of a cluster, with its output kept. {@link #close} kills it if it is still running.
 */
final class CliInHost implements AutoCloseable {

    /** The jar under test, from the surefire property set in this module's pom. */
    static final Path JAR = Path.of(System.getProperty("jmpi.bench.jar", "../target/jmpi-bench.jar"))
            .toAbsolutePath()
            .normalize();
    /**
     * Open MPI settings for hosts that share two cores: ranks that wait yield the core (else each message can wait a
     * scheduler tick, docs/multihost.md), and are not bound, since every simulated host would bind its first rank to
     * the same core.
     */
    static final Map<String, String> SHARED_CORES =
            Map.of("OMPI_MCA_mpi_yield_when_idle", "1", "OMPI_MCA_hwloc_base_binding_policy", "none");

    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final Thread outPump;
    private final Thread errPump;

    private CliInHost(Process process) {
        this.process = process;
        this.outPump = pump(process.getInputStream(), out);
        this.errPump = pump(process.getErrorStream(), err);
    }

    /** Starts the command line in host {@code i} with {@code args}. */
    static CliInHost start(NamespaceHosts hosts, int i, String... args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build bench/cli first (mvn -DskipTests package)");
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new CliInHost(hosts.start(i, command, SHARED_CORES));
    }

    /** Waits until a line of stderr satisfies {@code condition}; fails after {@code limit} or if the run ended. */
    void awaitStderrLine(Predicate<String> condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (err.toString().lines().noneMatch(condition)) {
            if (!process.isAlive()) {
                throw new AssertionError("the command line ended (status " + process.exitValue() + ") before the "
                        + "expected line; stdout:\n" + out + "\nstderr:\n" + err);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such stderr line within " + limit + "; stderr:\n" + err);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Waits for the end (at most {@code limit}, else fails) and returns how it went. */
    Result awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new AssertionError(
                    "the command line did not exit within " + limit + "; stdout:\n" + out + "\nstderr:\n" + err);
        }
        outPump.join(5000);
        errPump.join(5000);
        return new Result(process.exitValue(), out.toString(), err.toString());
    }

    /** SIGKILL to the command line's JVM: it gets no chance to stop what it started. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static Thread pump(InputStream in, StringBuffer into) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            into.append(line).append('\n');
                        }
                    } catch (IOException e) {
                        // The process went away while we read: what we have is all there is.
                    }
                },
                "cli-in-host");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** How a run ended. */
    record Result(int status, String out, String err) {

        /** stderr's lines that start with {@code prefix}. */
        List<String> errLinesStartingWith(String prefix) {
            return err.lines().filter(line -> line.startsWith(prefix)).toList();
        }

        @Override
        public String toString() {
            return "status " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }
}

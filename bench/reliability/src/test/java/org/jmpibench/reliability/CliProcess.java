package org.jmpibench.reliability;

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
 * One run of {@code java [jvm options] -jar jmpi-bench.jar ARGS} as a child of the test JVM, with its output kept, and
 * a {@link JobWatch} that records every process and listening socket the run creates. {@link #close} kills whatever of
 * it is still alive, so a failing test leaves nothing behind either.
 */
final class CliProcess implements AutoCloseable {

    /** The jar under test, from the surefire property set in this module's pom. */
    static final Path JAR = Path.of(System.getProperty("jmpi.bench.jar", "../target/jmpi-bench.jar"))
            .toAbsolutePath()
            .normalize();

    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final Thread outPump;
    private final Thread errPump;
    private final JobWatch watch;

    private CliProcess(Process process) {
        this.process = process;
        this.outPump = pump(process.getInputStream(), out, "out");
        this.errPump = pump(process.getErrorStream(), err, "err");
        this.watch = JobWatch.start(process.toHandle());
    }

    /** Starts the command line with {@code args}. */
    static CliProcess start(String... args) {
        return start(List.of(), Map.of(), args);
    }

    /** Starts the command line with options for the command line's own JVM and extra environment. */
    static CliProcess start(List<String> cliJvmOptions, Map<String, String> env, String... args) {
        return start(JAR, cliJvmOptions, env, args);
    }

    /** Starts the command line from another copy of the jar under test. */
    static CliProcess start(Path jar, List<String> cliJvmOptions, Map<String, String> env, String... args) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build bench/cli first (mvn -DskipTests install)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(cliJvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            return new CliProcess(builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + command, e);
        }
    }

    /** Runs the command line to its end (at most {@code limit}) and returns what it did. */
    static Result run(Duration limit, String... args) {
        try (CliProcess cli = start(args)) {
            return cli.awaitExit(limit);
        }
    }

    /** Runs with options for the command line's JVM and extra environment. */
    static Result run(Duration limit, List<String> cliJvmOptions, Map<String, String> env, String... args) {
        try (CliProcess cli = start(cliJvmOptions, env, args)) {
            return cli.awaitExit(limit);
        }
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    JobWatch watch() {
        return watch;
    }

    /** Waits until a line of stderr satisfies {@code condition}; fails (with the output so far) after {@code limit}. */
    void awaitStderrLine(Predicate<String> condition, Duration limit) throws InterruptedException {
        awaitLine(err, condition, limit);
    }

    /** Waits until a line of stdout satisfies {@code condition}; fails (with the output so far) after {@code limit}. */
    void awaitStdoutLine(Predicate<String> condition, Duration limit) throws InterruptedException {
        awaitLine(out, condition, limit);
    }

    private void awaitLine(StringBuffer stream, Predicate<String> condition, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (stream.toString().lines().anyMatch(condition)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the command line ended (status " + process.exitValue()
                        + ") before the expected line; stdout:\n" + out + "\nstderr:\n" + err);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("no such stderr line within " + limit + "; stdout:\n" + out + "\nstderr:\n" + err);
    }

    /**
     * Waits for the command line to exit; fails after {@code limit} (the only timing a test here asserts: that a run
     * ended before its limit).
     */
    Result awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError(
                        "the command line did not exit within " + limit + "; stdout:\n" + out + "\nstderr:\n" + err);
            }
            outPump.join(5000);
            errPump.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new Result(process.exitValue(), out.toString(), err.toString());
    }

    /** Kills the command line and everything the watch saw it start (all of it ours), then stops the watch. */
    @Override
    public void close() {
        watch.stop();
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        watch.killSurvivors();
    }

    private static Thread pump(InputStream in, StringBuffer into, String name) {
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
                "cli-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** How a run of the command line ended. */
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

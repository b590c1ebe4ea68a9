package org.jmpibench.regression.ab;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jmpibench.results.IoCause;

/**
 * Runs a command to its end with a ceiling, its output (stdout and stderr together) appended to a log file, and its
 * whole process tree stopped if it runs over or {@code ab} itself is stopped ({@link #stop}).
 */
final class ChildProcess {

    /** What a command did. */
    record Result(int status, boolean timedOut, String lastLines) {
        boolean ok() {
            return status == 0 && !timedOut;
        }
    }

    private static final long GRACE_SECONDS = 10;
    private static final int LAST_LINES = 5;

    private volatile Process running;
    private volatile boolean closed;

    /**
     * Runs {@code command} in {@code dir}; blocks until it ends or {@code limit} passes.
     *
     * @param env added to (or, for a null value, removed from) {@code ab}'s own environment
     * @throws IOException when the command cannot be started or the log cannot be written
     */
    Result run(List<String> command, Path dir, Map<String, String> env, Path log, Duration limit)
            throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        long before = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process;
        synchronized (this) {
            if (closed) {
                throw new InterruptedException("stopping: " + command.get(0) + " not started");
            }
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new IOException("cannot run " + command.get(0) + ": " + IoCause.of(e), e);
            }
            running = process;
        }
        try {
            boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                stop();
            }
            return new Result(ended ? process.exitValue() : -1, !ended, lastLines(log, before));
        } finally {
            running = null;
        }
    }

    /** Ends the command running now, if any, and refuses to start another: {@code ab} is being stopped. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        stop();
    }

    /** Ends the command running now, if any, and everything it started: SIGTERM, then SIGKILL after a grace. */
    void stop() {
        Process process = running;
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The last non-blank lines the command wrote, joined with " | ", for a one-line message. */
    private static String lastLines(Path log, long from) {
        try {
            byte[] all = Files.readAllBytes(log);
            String text = new String(
                    all,
                    (int) Math.min(from, all.length),
                    (int) Math.max(0, all.length - from),
                    StandardCharsets.UTF_8);
            List<String> lines =
                    text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}

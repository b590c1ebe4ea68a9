package org.jmpibench.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * The files of one run: {@code <yyyyMMdd-HHmmss>-<host>.json} (JMH's JSON), {@code .context.json},
 * {@code .csv} (JMH's CSV) and {@code .log} (JMH's full text output). Never overwrites: a name already taken
 * gets a {@code -2}, {@code -3}... suffix. Each file is written to a temporary file in the same directory and
 * renamed, so a reader never sees half a file.
 */
final class ResultFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;
    private final String base;

    private ResultFiles(Path dir, String base) {
        this.dir = dir;
        this.base = base;
    }

    static ResultFiles create(Path dir, ZonedDateTime now, String host) throws IOException {
        Files.createDirectories(dir);
        String stem = STAMP.format(now.withZoneSameInstant(ZoneOffset.UTC)) + "-" + safe(host);
        String base = stem;
        for (int n = 2; taken(dir, base); n++) {
            base = stem + "-" + n;
        }
        return new ResultFiles(dir, base);
    }

    private static boolean taken(Path dir, String base) {
        return Files.exists(dir.resolve(base + ".json")) || Files.exists(dir.resolve(base + ".context.json"))
                || Files.exists(dir.resolve(base + ".csv")) || Files.exists(dir.resolve(base + ".log"));
    }

    Path json() {
        return dir.resolve(base + ".json");
    }

    Path context() {
        return dir.resolve(base + ".context.json");
    }

    Path csv() {
        return dir.resolve(base + ".csv");
    }

    Path log() {
        return dir.resolve(base + ".log");
    }

    /**
     * Writes (or, later in the same run, rewrites) this run's JSON and CSV, each whole or not at all. The run
     * owns these names: {@link #create} chose a base name no other run has.
     */
    void writeResults(Collection<RunResult> results) throws IOException {
        replaceAtomically(json(), render(results, ResultFormatType.JSON));
        replaceAtomically(csv(), render(results, ResultFormatType.CSV));
    }

    /** Writes this run's context file whole or not at all (rewritten as the run progresses). */
    void writeContext(byte[] json) throws IOException {
        replaceAtomically(context(), json);
    }

    private static byte[] render(Collection<RunResult> results, ResultFormatType type) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(type, out).writeOut(results);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code target} whole or not at all; refuses to replace an existing file. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        if (Files.exists(target)) {
            throw new IOException("refusing to overwrite " + target);
        }
        replaceAtomically(target, content);
    }

    /** Writes {@code target} whole or not at all: a reader sees the old content or the new, never a part. */
    private static void replaceAtomically(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, content);
            // createTempFile makes it owner-only; results are for everyone who can read the directory.
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Host names become file names: keep letters, digits, dots and dashes. */
    static String safe(String host) {
        String cleaned = host.replaceAll("[^A-Za-z0-9.-]", "_");
        return cleaned.isEmpty() ? "host" : cleaned;
    }
}

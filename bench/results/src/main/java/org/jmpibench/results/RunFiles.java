package org.jmpibench.results;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of one run, and the one rule that names them: {@code <yyyyMMdd-HHmmss>-<host>} (UTC start time, host name
 * made file-safe), then {@code .json} (JMH's JSON), {@code .context.json} ({@link RunContext}), {@code .log} (JMH's
 * text output), a copy of the results in the format JMH's {@code -rf} option names ({@link #COPY_SUFFIXES}:
 * {@code .csv} by default) and, for a {@code calibrate} run, {@code .calibration.json}. A name that is taken gets
 * {@code -2}, {@code -3}, ...
 *
 * <p>Names never collide, also between runs started in the same second into the same directory: a run claims its name
 * by creating its log file with exclusive create ({@code O_EXCL}), which exactly one process can win, and a name any of
 * whose files exists is never claimed. Every later write replaces a file whole (temporary file in the same directory,
 * then an atomic rename), so a reader sees the previous content or the new one, never a part; a failed write leaves the
 * previous content in place.
 */
public final class RunFiles {

    public static final String RESULTS_SUFFIX = ".json";
    public static final String CONTEXT_SUFFIX = ".context.json";
    public static final String LOG_SUFFIX = ".log";
    /**
     * The copy of the results in another format, by the value of JMH's {@code -rf} option that asks for it; JSON needs
     * no copy: the results file is JSON.
     */
    public static final Map<String, String> COPY_SUFFIXES = copySuffixes();
    /** {@code jmpi-bench calibrate}'s table (suite / plain program), beside the results of the suite's runs. */
    public static final String CALIBRATION_SUFFIX = ".calibration.json";

    private static final List<String> SUFFIXES = Stream.concat(
                    Stream.of(RESULTS_SUFFIX, CONTEXT_SUFFIX, LOG_SUFFIX, CALIBRATION_SUFFIX),
                    COPY_SUFFIXES.values().stream())
            .toList();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Runs started in one second into one directory before we give up looking for a free name. */
    private static final int MAX_SUFFIX = 10_000;

    /** How a file is written whole; {@link #replaceAtomically} unless a test simulates a failing disk. */
    @FunctionalInterface
    public interface Writer {
        void replace(Path target, byte[] content) throws IOException;
    }

    private final Path dir;
    private final String name;
    private final Writer writer;

    private RunFiles(Path dir, String name, Writer writer) {
        this.dir = dir;
        this.name = name;
        this.writer = writer;
    }

    /**
     * Creates {@code dir} if needed and claims a name no other run has.
     *
     * @throws IOException when the directory cannot be created or written to
     */
    public static RunFiles claim(Path dir, ZonedDateTime started, String host) throws IOException {
        return claim(dir, started, host, RunFiles::replaceAtomically);
    }

    /** {@link #claim(Path, ZonedDateTime, String)} with another way to write files (tests: a full disk). */
    public static RunFiles claim(Path dir, ZonedDateTime started, String host, Writer writer) throws IOException {
        Files.createDirectories(dir);
        String stem = STAMP.format(started.withZoneSameInstant(ZoneOffset.UTC)) + "-" + fileSafe(host);
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            String name = n == 1 ? stem : stem + "-" + n;
            Path claim = dir.resolve(name + LOG_SUFFIX);
            try {
                Files.createFile(claim);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            if (SUFFIXES.stream()
                    .anyMatch(suffix -> !suffix.equals(LOG_SUFFIX) && Files.exists(dir.resolve(name + suffix)))) {
                // Files of a run that wrote no log (an older version, or copied here): not ours to overwrite.
                Files.delete(claim);
                continue;
            }
            return new RunFiles(dir, name, writer);
        }
        throw new IOException("no free name for a run's files after " + stem + "-" + MAX_SUFFIX);
    }

    /** The run's name: every file's name without its suffix, e.g. {@code 20261130-140509-node1}. */
    public String name() {
        return name;
    }

    public Path json() {
        return dir.resolve(name + RESULTS_SUFFIX);
    }

    public Path context() {
        return dir.resolve(name + CONTEXT_SUFFIX);
    }

    /**
     * The copy of the results in {@code format}, a key of {@link #COPY_SUFFIXES}.
     *
     * @throws IllegalArgumentException for a format without a copy
     */
    public Path copy(String format) {
        String suffix = COPY_SUFFIXES.get(format);
        if (suffix == null) {
            throw new IllegalArgumentException("no copy of the results in format '" + format + "'; formats: "
                    + String.join(", ", COPY_SUFFIXES.keySet()));
        }
        return dir.resolve(name + suffix);
    }

    private static Map<String, String> copySuffixes() {
        Map<String, String> suffixes = new LinkedHashMap<>();
        suffixes.put("csv", ".csv");
        suffixes.put("scsv", ".scsv");
        suffixes.put("text", ".txt");
        suffixes.put("latex", ".tex");
        return Collections.unmodifiableMap(suffixes);
    }

    public Path log() {
        return dir.resolve(name + LOG_SUFFIX);
    }

    public Path calibration() {
        return dir.resolve(name + CALIBRATION_SUFFIX);
    }

    /**
     * Writes one of this run's files whole, replacing what an earlier save of the run wrote.
     *
     * @throws IOException when it cannot; the file then keeps its previous content
     */
    public void write(Path file, byte[] content) throws IOException {
        if (!file.getParent().equals(dir) || !file.getFileName().toString().startsWith(name + ".")) {
            throw new IllegalArgumentException(file + " is not a file of run " + name + " in " + dir);
        }
        writer.replace(file, content);
    }

    /** The context file that belongs to a results file: {@code X.json} beside it as {@code X.context.json}. */
    public static Path contextFileOf(Path resultsFile) {
        return resultsFile.resolveSibling(runName(resultsFile) + CONTEXT_SUFFIX);
    }

    /** A run's name from its results file's name: {@code results/X.json} is run {@code X}. */
    public static String runName(Path resultsFile) {
        String file = resultsFile.getFileName().toString();
        return file.endsWith(RESULTS_SUFFIX) ? file.substring(0, file.length() - RESULTS_SUFFIX.length()) : file;
    }

    /** Host names become file names: letters, digits, dots and dashes are kept, anything else is '_'. */
    public static String fileSafe(String host) {
        String cleaned = host.replaceAll("[^A-Za-z0-9.-]", "_");
        return cleaned.isEmpty() ? "host" : cleaned;
    }

    /** Writes {@code target} whole or not at all: a reader sees the old content or the new, never a part. */
    public static void replaceAtomically(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, content);
            // createTempFile makes it owner-only; results are for everyone who can read the directory.
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

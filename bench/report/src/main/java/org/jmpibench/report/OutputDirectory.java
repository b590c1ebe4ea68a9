package org.jmpibench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The directory a report goes to, written so that readers never see half a report and no other run's report is replaced
 * by accident.
 *
 * <p>Everything is written into a staging directory beside the target; {@link #commit()} then swaps it in with two
 * renames (old target aside, staging into place) and deletes the old one. A reader sees the old report or the new one;
 * charts of a previous generation that no longer exist (a size dropped) do not linger. Within the staging directory,
 * the page is written by temp file + rename as well.
 *
 * <p>The target's {@value #MARKER} records which run (name and input file names) the report belongs to. An existing
 * target is replaced only when it holds the same run (regenerating is fine), when it is empty, or, for a different run,
 * with {@code --force}. A non-empty directory without the marker was not written by {@code plot} and is never replaced.
 */
final class OutputDirectory {
    static final String MARKER = ".jmpi-plot.json";

    private final ObjectMapper json = new ObjectMapper();
    private final Path target;
    private final Path staging;
    private final String run;
    private final List<String> inputNames;

    private OutputDirectory(Path target, Path staging, String run, List<String> inputNames) {
        this.target = target;
        this.staging = staging;
        this.run = run;
        this.inputNames = List.copyOf(inputNames);
    }

    /**
     * Checks that the report of {@code run} may go to {@code target} and creates the staging directory.
     *
     * @param inputNames the results files' names, part of the run's identity
     * @param force replace a report of a different run
     */
    static OutputDirectory open(Path target, String run, List<String> inputNames, boolean force)
            throws ReportException {
        Path absolute = target.toAbsolutePath().normalize();
        OutputDirectory probe = new OutputDirectory(absolute, null, run, inputNames);
        probe.checkReplaceable(force);
        try {
            Files.createDirectories(absolute.getParent());
            Path staging = absolute.resolveSibling("." + absolute.getFileName() + ".staging-" + UUID.randomUUID());
            Files.createDirectory(staging);
            return new OutputDirectory(absolute, staging, run, inputNames);
        } catch (IOException e) {
            throw ReportException.writeFailed(target + ": cannot create the output directory (" + e + ")", e);
        }
    }

    /** Where to write the report's files until {@link #commit()}. */
    Path staging() {
        return staging;
    }

    Path target() {
        return target;
    }

    /** Writes a file of the report via a temp file and a rename, so it is never seen half written. */
    void writeAtomically(String name, String content) throws IOException {
        Path temp = staging.resolve(name + ".tmp");
        Files.write(temp, content.getBytes(StandardCharsets.UTF_8));
        Files.move(temp, staging.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Records the run in the marker and swaps the staging directory in place of the target. */
    void commit() throws ReportException {
        try {
            ObjectNode marker = json.createObjectNode();
            marker.put("run", run);
            marker.putPOJO("inputs", inputNames);
            marker.put("writtenBy", "jmpi-bench plot");
            writeAtomically(MARKER, json.writerWithDefaultPrettyPrinter().writeValueAsString(marker));
            if (!Files.exists(target)) {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            Path old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the previous report back
                throw e;
            }
            deleteRecursively(old);
        } catch (IOException | UncheckedIOException e) {
            discard();
            throw ReportException.writeFailed(target + ": cannot write the report (" + e + ")", e);
        }
    }

    /** Deletes the staging directory (after a failure); the target is untouched. */
    void discard() {
        if (staging != null && Files.exists(staging)) {
            try {
                deleteRecursively(staging);
            } catch (IOException | UncheckedIOException e) {
                // best effort: a leftover hidden staging directory does no harm to the report
            }
        }
    }

    private void checkReplaceable(boolean force) throws ReportException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw ReportException.badInput(target + ": exists and is not a directory; choose another --out");
        }
        Path marker = target.resolve(MARKER);
        if (Files.exists(marker)) {
            String otherRun = "?";
            List<String> otherInputs = new ArrayList<>();
            try {
                JsonNode node = json.readTree(marker.toFile());
                otherRun = node.path("run").asText("?");
                node.path("inputs").forEach(input -> otherInputs.add(input.asText()));
            } catch (IOException e) {
                // an unreadable marker is "some other run": refused below unless forced
            }
            boolean sameRun = otherRun.equals(run) && otherInputs.equals(inputNames);
            if (sameRun || force) {
                return;
            }
            throw ReportException.badInput(target + ": holds the report of another run ('" + otherRun + "' from "
                    + String.join(", ", otherInputs) + "); choose another --out, or pass --force to replace it");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent()) {
                throw ReportException.badInput(target + ": exists, is not empty and was not written by plot (no "
                        + MARKER + "); choose another --out");
            }
        } catch (IOException e) {
            throw ReportException.writeFailed(target + ": cannot list it (" + e + ")", e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}

package org.jmpibench.regression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The machine and software a result file was measured on, kept beside it as {@code NAME.context.json}
 * (e.g. {@code results/2026-11-30T14-00-00-host.json} and {@code results/2026-11-30T14-00-00-host.context.json},
 * or {@code baseline.json} and {@code baseline.context.json}).
 *
 * <p>A comparison across machines or JVMs is a comparison of machines, not of code. The context's format
 * belongs to the harness; this class only compares the scalar fields the two contexts share (nested objects
 * flattened as {@code a.b}), skipping those that differ between any two runs by nature (times, dates,
 * durations, paths, commits), and returns the differences as notes for a person. It never changes a verdict.
 */
public final class RunContext {

    /** Words in field names of things that differ between any two runs and say nothing about the machine. */
    private static final Set<String> RUN_SPECIFIC_WORDS = Set.of("time", "timestamp", "date", "start", "started",
            "end", "ended", "finished", "duration", "elapsed", "file", "path", "dir", "directory", "commit", "git",
            "branch", "sha", "revision", "pid", "uptime", "load", "loadavg", "id", "uuid", "results");

    /** Splits {@code jvm.startTime_ms} into {@code jvm, start, time, ms}. */
    private static final Pattern WORD_BREAK = Pattern.compile("[._\\-\\s]+|(?<=[a-z0-9])(?=[A-Z])");

    private static final int MAX_NOTES = 10;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunContext() {
    }

    /** The context file that belongs to a result file: {@code x.json} becomes {@code x.context.json}. */
    public static Path contextFileOf(Path resultFile) {
        String name = resultFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return resultFile.resolveSibling(stem + ".context.json");
    }

    /**
     * Notes on how the two runs' contexts differ: missing or unreadable context files, and fields with
     * different values. Empty when neither file has a context, or when they agree.
     */
    public static List<String> differences(Path baselineResults, Path currentResults) {
        Path baseFile = contextFileOf(baselineResults);
        Path currFile = contextFileOf(currentResults);
        boolean hasBase = Files.isRegularFile(baseFile);
        boolean hasCurr = Files.isRegularFile(currFile);
        List<String> notes = new ArrayList<>();
        if (!hasBase && !hasCurr) {
            return notes;
        }
        if (!hasBase || !hasCurr) {
            notes.add("no context file " + (hasBase ? currFile : baseFile)
                    + ": cannot tell whether both runs used the same machine and JVM");
            return notes;
        }
        Map<String, String> base;
        Map<String, String> curr;
        try {
            base = flatten(MAPPER.readTree(baseFile.toFile()));
            curr = flatten(MAPPER.readTree(currFile.toFile()));
        } catch (IOException | RuntimeException e) {
            notes.add("cannot read the context files " + baseFile + " and " + currFile + " ("
                    + ResultFile.oneLine(e.getMessage()) + ")");
            return notes;
        }
        for (Map.Entry<String, String> e : base.entrySet()) {
            String other = curr.get(e.getKey());
            if (other != null && !Objects.equals(e.getValue(), other) && !isRunSpecific(e.getKey())) {
                if (notes.size() == MAX_NOTES) {
                    notes.add("... more context differences in " + baseFile + " and " + currFile);
                    break;
                }
                notes.add("runs differ in context " + e.getKey() + ": baseline '" + e.getValue() + "', current '"
                        + other + "'");
            }
        }
        return notes;
    }

    private static boolean isRunSpecific(String key) {
        for (String word : WORD_BREAK.split(key)) {
            if (RUN_SPECIFIC_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        if (node != null && node.isObject()) {
            flatten("", node, out, 0);
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, int depth) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = prefix + e.getKey();
            JsonNode value = e.getValue();
            if (value.isObject() && depth < 3) {
                flatten(key + ".", value, out, depth + 1);
            } else if (value.isValueNode()) {
                out.put(key, value.asText());
            } else if (value.isArray()) {
                out.put(key, value.toString());
            }
        }
    }
}

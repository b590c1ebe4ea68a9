package org.jmpibench.regression;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jmpibench.results.ResultsFileException;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.RunFiles;

/**
 * What the two runs' contexts say about comparing them: a comparison across machines or JVMs compares machines, not
 * code. {@link #gateWarning} is the one sentence a verdict line carries when host, CPU or JVM differ (or cannot be
 * told); {@link #notes} lists every difference of machine and software for a person. Neither ever changes a verdict.
 */
final class ContextCheck {

    private static final int MAX_NOTES = 10;

    /** The values that make two runs' numbers comparable as a gate, with the names a verdict uses. */
    private static final Map<String, String> GATE_FIELDS = gateFields();

    private ContextCheck() {}

    private static Map<String, String> gateFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("host", "host");
        fields.put("cpuModel", "CPU");
        fields.put("jvm.vendor", "JVM");
        fields.put("jvm.vmName", "JVM");
        fields.put("jvm.version", "JVM");
        return fields;
    }

    /** The context beside a results file; null when there is none or it cannot be read (see {@link #notes}). */
    static RunContext contextOf(Path results) {
        if (results == null) {
            return null;
        }
        try {
            return RunContext.besideResults(results).orElse(null);
        } catch (ResultsFileException unreadable) {
            return null;
        }
    }

    /**
     * "not comparable as a gate: different CPU ('A' vs 'B'), JVM ('17.0.15' vs '21.0.5')", or a sentence saying that it
     * cannot be told (a context file missing); empty when host, CPU and JVM are the same.
     */
    static List<String> gateWarning(
            Path baselineResults, RunContext baseline, Path currentResults, RunContext current) {
        if (baselineResults == null && currentResults == null) {
            return List.of();
        }
        if (baseline == null || current == null) {
            return List.of("cannot tell whether host, CPU and JVM are the same: no readable context file "
                    + RunFiles.contextFileOf(baseline == null ? baselineResults : currentResults));
        }
        Map<String, String> base = baseline.flatten();
        Map<String, String> curr = current.flatten();
        Map<String, List<String>> differing = new LinkedHashMap<>();
        GATE_FIELDS.forEach((field, label) -> {
            String a = base.get(field);
            String b = curr.get(field);
            if (a != null && b != null && !Objects.equals(a, b)) {
                differing.computeIfAbsent(label, l -> new ArrayList<>()).add("'" + a + "' vs '" + b + "'");
            }
        });
        if (differing.isEmpty()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        differing.forEach((label, values) -> parts.add(label + " (" + String.join(", ", values) + ")"));
        return List.of("not comparable as a gate: different " + String.join(", ", parts));
    }

    /** Every difference of machine and software, one line each; missing or unreadable context files too. */
    static List<String> notes(String baselineName, Path baselineResults, String currentName, Path currentResults) {
        List<String> notes = new ArrayList<>();
        if (baselineResults == null || currentResults == null) {
            return notes;
        }
        Path baseFile = RunFiles.contextFileOf(baselineResults);
        Path currFile = RunFiles.contextFileOf(currentResults);
        boolean hasBase = Files.isRegularFile(baseFile);
        boolean hasCurr = Files.isRegularFile(currFile);
        if (!hasBase && !hasCurr) {
            return notes;
        }
        if (!hasBase || !hasCurr) {
            notes.add("no context file " + (hasBase ? currFile : baseFile)
                    + ": cannot tell whether both runs used the same machine and JVM");
            return notes;
        }
        Map<String, List<String>> differences;
        try {
            differences = RunContext.read(baseFile).environmentDifferences(RunContext.read(currFile));
        } catch (ResultsFileException e) {
            notes.add("cannot compare the runs' contexts: " + e.getMessage());
            return notes;
        }
        for (Map.Entry<String, List<String>> e : differences.entrySet()) {
            if (notes.size() == MAX_NOTES) {
                notes.add("... more context differences in " + baseFile + " and " + currFile);
                break;
            }
            notes.add("runs differ in context " + e.getKey() + ": " + baselineName + " '"
                    + e.getValue().get(0) + "', " + currentName + " '"
                    + e.getValue().get(1) + "'");
        }
        return notes;
    }
}

package org.jmpibench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jmpibench.results.RunFiles;

/**
 * Names runs after their results files: {@code results/2026-11-30.json} is run {@code 2026-11-30}. Several files
 * plotted together make the report name {@code A_vs_B}. Labels are made unique (parent directory, then a number) when
 * two files share a name, so legends never merge two runs into one series.
 */
final class RunNames {
    private RunNames() {}

    static List<String> labels(List<Path> files) {
        List<String> labels = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Path file : files) {
            String label = RunFiles.runName(file);
            if (used.contains(label)) {
                Path parent = file.toAbsolutePath().normalize().getParent();
                if (parent != null && parent.getFileName() != null) {
                    label = parent.getFileName() + "/" + label;
                }
            }
            String unique = label;
            for (int n = 2; used.contains(unique); n++) {
                unique = label + "#" + n;
            }
            used.add(unique);
            labels.add(unique);
        }
        return labels;
    }

    /** The report's directory name: the run's name, or the runs' names joined by "_vs_"; file-system safe. */
    static String reportName(List<String> labels) {
        String joined = String.join("_vs_", labels);
        String safe = joined.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (safe.isEmpty()) {
            safe = "report";
        }
        return safe.length() > 120 ? safe.substring(0, 120) : safe;
    }
}

package org.jmpibench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jmpibench.results.Sizes;

/**
 * A run in one line, for the top of the report: where it ran (and on how many hosts), on what (and which JDKs the ranks
 * ran on, when {@code bench --jdk} chose them), from which commit, how JMH measured, and how it ended. Built from the
 * run's context and JMH's settings; what neither says is left out. The full context is on the page too, folded.
 */
final class RunLine {
    private RunLine() {}

    static String of(RunResults run) {
        Map<String, String> context = run.context();
        Map<String, String> jmh = run.jmhSettings();
        List<String> parts = new ArrayList<>();
        if (context.containsKey("host")) {
            List<String> machine = new ArrayList<>();
            add(machine, context.get("cores"), " cores");
            add(machine, context.get("cpuModel"), "");
            String memory = context.get("memoryBytes");
            if (memory != null && memory.matches("\\d+")) {
                machine.add(Sizes.formatBytes(Long.parseLong(memory)));
            }
            parts.add(
                    "host " + context.get("host") + (machine.isEmpty() ? "" : " (" + String.join(", ", machine) + ")"));
            String os = String.join(
                    " ", nonBlank(context.get("os.name"), context.get("os.version"), context.get("os.arch")));
            if (!os.isBlank()) {
                parts.add(os);
            }
        } else {
            parts.add(run.contextProblem() != null ? "context not readable" : "no context file");
        }
        String java = context.getOrDefault("jvm.version", jmh.get("jdkVersion"));
        if (java != null) {
            String vendor = context.get("jvm.vendor");
            parts.add("Java " + java + (vendor == null ? "" : " (" + vendor + ")"));
        }
        // bench --jdk: the ranks ran on other JDKs than the one above (which ran JMH's host)
        List<String> rankJdks = valuesOf(context, "jdks\\.[^.]+\\.version");
        if (!rankJdks.isEmpty() && !rankJdks.equals(List.of(String.valueOf(java)))) {
            parts.add("ranks on Java " + String.join(", ", rankJdks));
        }
        int hosts = valuesOf(context, "hostfile\\.hosts\\..+\\.slots").size();
        if (hosts > 1) {
            parts.add(hosts + " hosts");
        }
        String commit = context.get("git.commit");
        if (commit != null && !commit.isBlank()) {
            parts.add("commit " + commit.substring(0, Math.min(12, commit.length()))
                    + ("true".equals(context.get("git.dirty")) ? " with uncommitted changes" : ""));
        }
        if (context.containsKey("profile")) {
            parts.add("profile " + context.get("profile"));
        }
        if (jmh.containsKey("forks")) {
            parts.add("JMH " + jmh.getOrDefault("jmhVersion", "") + ": " + jmh.get("forks") + " fork(s) \u00d7 "
                    + jmh.get("measurementIterations") + " \u00d7 " + jmh.get("measurementTime") + " after "
                    + jmh.get("warmupIterations") + " \u00d7 " + jmh.get("warmupTime") + " warm-up");
        }
        long failed = context.keySet().stream()
                .filter(k -> k.matches("failedJobs\\[\\d+]\\.reason"))
                .count();
        parts.add(run.measurements().size() + " results" + (failed > 0 ? ", " + failed + " failed job(s)" : ""));
        if ("false".equals(context.get("complete"))) {
            parts.add("stopped half-way (" + context.get("benchmarksDone") + " of " + context.get("benchmarksTotal")
                    + " benchmarks)");
        }
        return String.join("; ", parts);
    }

    /** The values of the flattened context's keys that match {@code keyPattern}, in key order. */
    private static List<String> valuesOf(Map<String, String> context, String keyPattern) {
        return context.entrySet().stream()
                .filter(e -> e.getKey().matches(keyPattern))
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
    }

    private static void add(List<String> parts, String value, String suffix) {
        if (value != null && !value.isBlank()) {
            parts.add(value + suffix);
        }
    }

    private static List<String> nonBlank(String... values) {
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value);
            }
        }
        return kept;
    }
}

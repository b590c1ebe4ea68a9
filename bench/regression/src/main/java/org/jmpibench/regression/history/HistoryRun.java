package org.jmpibench.regression.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jmpibench.results.BenchmarkResult;

/**
 * One results file of a history and what its context says of it.
 *
 * @param file the results file
 * @param commit the commit it ran from; null when its context does not say
 * @param dirty whether that checkout had changes
 * @param started when it started (its context; else the file's time)
 * @param machine host, CPU and JVM in one text, to tell when they change; null without a context
 * @param results its benchmark results
 */
record HistoryRun(
        Path file, String commit, boolean dirty, Instant started, String machine, List<BenchmarkResult> results) {

    /** The short commit, {@code *} when dirty; the run's name when there is no commit. */
    String label() {
        if (commit == null) {
            String name = file.getFileName().toString();
            return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        }
        return commit.substring(0, Math.min(8, commit.length())) + (dirty ? "*" : "");
    }
}

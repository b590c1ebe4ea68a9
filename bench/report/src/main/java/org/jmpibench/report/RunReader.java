package org.jmpibench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Metric;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.ResultsFileException;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.ScoreUnit;
import org.jmpibench.results.SecondaryMetric;

/**
 * Reads a run for the report: its results file through the project's one reader ({@link ResultsFile}) and the context
 * file beside it ({@link RunContext}), and converts every time to microseconds per operation.
 *
 * <p>A results file the reader refuses, or whose primary metric is not a time (per operation, or operations per time),
 * is a {@link ReportException} naming the file: a results file of another tool must not turn into empty charts. A
 * context file that cannot be read is shown on the page as a problem, not fatal.
 */
final class RunReader {
    private RunReader() {}

    /** Reads {@code file} as the run called {@code label}. */
    static RunResults read(Path file, String label) throws ReportException {
        List<BenchmarkResult> results;
        try {
            results = ResultsFile.read(file).results();
        } catch (ResultsFileException e) {
            throw ReportException.badInput(e.getMessage());
        }
        List<Measurement> measurements = new ArrayList<>();
        for (BenchmarkResult result : results) {
            measurements.add(measurement(file, label, result));
        }
        Map<String, String> context = Map.of();
        String contextProblem = null;
        try {
            context = RunContext.besideResults(file).map(RunContext::flatten).orElse(Map.of());
        } catch (ResultsFileException e) {
            contextProblem = e.getMessage();
        }
        return new RunResults(label, file, measurements, results.get(0).jmhSettings(), context, contextProblem);
    }

    private static Measurement measurement(Path file, String label, BenchmarkResult result) throws ReportException {
        Metric time = timeOf(file, result, "primaryMetric", result.primary());
        // our own metric: one in a unit that is not a time is an error, not a silent gap
        Metric slowest = null;
        if (result.secondary(SecondaryMetric.SLOWEST_RANK).isPresent()) {
            slowest = timeOf(
                    file,
                    result,
                    SecondaryMetric.SLOWEST_RANK.jmhName(),
                    result.secondary(SecondaryMetric.SLOWEST_RANK).get());
        }
        SortedMap<String, Metric> otherTimes = new TreeMap<>();
        result.secondary().forEach((name, metric) -> {
            if (!name.equals(SecondaryMetric.SLOWEST_RANK.jmhName())
                    && metric.unit().hasDirection()) {
                otherTimes.put(name, metric.asTimePerOp(ScoreUnit.MICROS_PER_OP));
            }
        });
        return new Measurement(label, result, time, slowest, otherTimes);
    }

    private static Metric timeOf(Path file, BenchmarkResult result, String name, Metric metric) throws ReportException {
        if (!metric.unit().hasDirection()) {
            throw ReportException.badInput("results file " + file + ": " + result.benchmark() + " " + result.params()
                    + " " + name + ": unsupported score unit '" + metric.unit()
                    + "' (expected time per op such as us/op, or ops per time such as ops/s)");
        }
        return metric.asTimePerOp(ScoreUnit.MICROS_PER_OP);
    }
}

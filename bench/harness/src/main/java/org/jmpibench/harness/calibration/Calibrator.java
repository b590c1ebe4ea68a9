package org.jmpibench.harness.calibration;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hipparchus.stat.descriptive.rank.Median;
import org.jmpibench.harness.runner.BenchRunner;
import org.jmpibench.harness.runner.BenchSettings;
import org.jmpibench.results.IoCause;
import org.jmpibench.results.RunFiles;
import org.jmpibench.results.Sizes;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

/**
 * Runs a calibration: for every round and every point, the suite's own benchmark of that point (one JMH run through the
 * normal runner: one job, one fork) and the backend's plain program ({@link PlainJob}), back to back, alternating which
 * goes first from point to point and round to round, so that a drift of the machine during a run weighs on both sides
 * alike. The suite's runs are saved as an ordinary run (each round another fork of its benchmark), the table beside
 * them as {@code <run>.calibration.json}.
 */
public final class Calibrator {

    private final CalibrationSettings settings;
    private final PrintStream console;

    public Calibrator(CalibrationSettings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
    }

    /**
     * @return 0 when every point was measured in every round and every median ratio is within the goal; 1 when a job or
     *     a save failed, nothing could run, or a point is over the goal
     * @throws IllegalArgumentException for an unusable results directory (before anything runs)
     */
    public int run() throws IOException {
        BenchSettings bench = settings.bench();
        BenchRunner runner = new BenchRunner(bench, console);
        CalibrationTable table = new CalibrationTable();
        try (BenchRunner.Session session = runner.open(settings.rounds())) {
            List<String> running = session.backends();
            List<CalibrationPoint> points = settings.points().stream()
                    .filter(point -> running.contains(point.backend()))
                    .toList();
            PlainJob plain = new PlainJob(runner, bench);
            for (int round = 0; round < settings.rounds(); round++) {
                for (int i = 0; i < points.size(); i++) {
                    CalibrationPoint point = points.get(i);
                    boolean suiteFirst = (round + i) % 2 == 0;
                    table.record(point, measure(session, plain, point, round, suiteFirst));
                }
                session.save(false);
            }
            console.print(table.render(settings.rounds()));
            console.println();
            RunFiles files = session.files();
            boolean written = write(files, table);
            BenchRunner.Outcome outcome = session.finish(false);
            if (written) {
                console.println("         " + files.calibration());
            }
            console.println(table.verdictLine());
            return outcome.exitStatus() == 0 && written && table.allWithin() ? 0 : 1;
        }
    }

    private CalibrationTable.Round measure(
            BenchRunner.Session session, PlainJob plain, CalibrationPoint point, int round, boolean suiteFirst)
            throws IOException {
        List<String> failures = new ArrayList<>();
        double suite = Double.NaN;
        PlainJob.Result plainResult = null;
        if (!suiteFirst) {
            plainResult = runPlain(plain, point, round);
        }
        Optional<RunResult> result =
                session.runOne(point.backend(), point.np(), point.op(), point.size(), point.buffer());
        if (result.isPresent()) {
            suite = medianIterationScore(result.get());
        } else {
            failures.add("suite: " + session.lastFailure().orElse("no result"));
        }
        if (suiteFirst) {
            plainResult = runPlain(plain, point, round);
        }
        double plainMicros = Double.NaN;
        if (plainResult.succeeded()) {
            plainMicros = median(plainResult.microsPerOp());
        } else {
            failures.add("plain: " + plainResult.failure());
        }
        console.printf(
                Locale.ROOT,
                "        round %d: suite / plain = %s%n",
                round + 1,
                Double.isFinite(suite) && Double.isFinite(plainMicros)
                        ? String.format(Locale.ROOT, "%.3f", suite / plainMicros)
                        : "-");
        return new CalibrationTable.Round(suite, plainMicros, suiteFirst, failures);
    }

    private PlainJob.Result runPlain(PlainJob plain, CalibrationPoint point, int round) {
        console.printf(
                Locale.ROOT,
                "[plain  ] %-13s np=%-2d %-14s size=%-5s %-6s ",
                point.backend(),
                point.np(),
                point.op().cliName(),
                Sizes.format(point.size()),
                point.buffer().cliName());
        console.flush();
        PlainJob.Result result = plain.run(point);
        if (result.succeeded()) {
            console.printf(
                    Locale.ROOT, "%12.3f us/op  (plain program, round %d)%n", median(result.microsPerOp()), round + 1);
        } else {
            console.println("FAILED");
            console.println("        " + result.failure());
        }
        return result;
    }

    /** The median of the suite's measurement iterations, as the plain side's: JMH's unit is us/op. */
    static double medianIterationScore(RunResult result) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
            }
        }
        return median(scores);
    }

    private static double median(List<Double> values) {
        return values.isEmpty()
                ? Double.NaN
                : new Median()
                        .evaluate(
                                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private boolean write(RunFiles files, CalibrationTable table) {
        try {
            files.write(
                    files.calibration(),
                    table.toJson(
                            files.name(), files.json().getFileName().toString(), settings.rounds(), settingsForJson()));
            return true;
        } catch (IOException e) {
            console.println("could not save " + files.calibration() + " (" + IoCause.of(e) + ")");
            return false;
        }
    }

    private Map<String, Object> settingsForJson() {
        BenchSettings bench = settings.bench();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("warmupIterations", bench.warmupIterations());
        map.put("warmupMs", bench.warmupTime().convertTo(TimeUnit.MILLISECONDS));
        map.put("measurementIterations", bench.measurementIterations());
        map.put("measurementMs", bench.measurementTime().convertTo(TimeUnit.MILLISECONDS));
        map.put("plainIterationMs", bench.measurementTime().convertTo(TimeUnit.MILLISECONDS));
        return map;
    }
}

package org.jmpibench.harness.calibration;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jmpibench.harness.job.BufferKind;
import org.jmpibench.harness.runner.BenchRunner;
import org.jmpibench.harness.runner.BenchSettings;
import org.jmpibench.harness.runner.ForkLauncher;
import org.jmpibench.harness.runner.HostOptions;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Backends;
import org.jmpibench.spi.Idle;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;
import org.jmpibench.spi.plain.PlainRun;

/**
 * One run of a backend's plain program at one point: a job started exactly as the suite's forks are — the same backend
 * launcher, the JVM options the runner gives every rank ({@link BenchRunner#jvmArgs}), the job environment of the
 * default idle strategy and the same time limit ({@link ForkLauncher#jobSpec}), the class path of this JVM (what JMH
 * hands its forks) — and the same iterations as the suite's JMH run. So whatever the launcher does (mpirun's binding of
 * each rank to a core, its MCA options) applies to both alike.
 */
final class PlainJob {

    private final BenchRunner runner;
    private final BenchSettings settings;
    private final List<Path> classpath;

    PlainJob(BenchRunner runner, BenchSettings settings) {
        this.runner = runner;
        this.settings = settings;
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry));
            }
        }
        this.classpath = List.copyOf(entries);
    }

    /**
     * What the plain program measured.
     *
     * @param microsPerOp per measured iteration, in the suite's unit (us per operation; send: one way)
     * @param failure one line naming backend and cause when the job failed; empty otherwise
     */
    record Result(List<Double> microsPerOp, String failure) {
        Result {
            microsPerOp = List.copyOf(microsPerOp);
        }

        boolean succeeded() {
            return failure.isEmpty();
        }
    }

    Result run(CalibrationPoint point) {
        Backend backend = Backends.byName(point.backend());
        PlainRun plain = new PlainRun(
                point.op().cliName(),
                point.size(),
                point.buffer() == BufferKind.DIRECT,
                settings.warmupIterations(),
                settings.measurementIterations(),
                settings.measurementTime().convertTo(TimeUnit.MILLISECONDS));
        RankProgram program = new RankProgram(
                runner.jvmArgs(point.np()), classpath, CalibrationSettings.plainProgramOf(backend), plain.toArgs());
        List<Double> micros = Collections.synchronizedList(new ArrayList<>());
        // This machine, this JVM's JDK: calibrate runs the suite's side the same way.
        JobSpec spec = ForkLauncher.jobSpec(
                        Idle.DEFAULT, point.np(), program, null, settings.jobTimeoutSeconds(), new HostOptions(), null)
                .withOutput(line -> {
                    double ns = line.stderr() ? Double.NaN : PlainRun.parseResult(line.text());
                    if (!Double.isNaN(ns)) {
                        micros.add(ns / 1000);
                    }
                });
        JobOutcome outcome;
        try {
            outcome = backend.launcher().run(spec);
        } catch (RuntimeException e) {
            return new Result(List.of(), "backend " + backend.name() + ": plain program could not start: " + e);
        }
        if (!outcome.succeeded()) {
            String failure = outcome.failure().isEmpty()
                    ? "backend " + backend.name() + ": plain program failed, exit codes " + outcome.exitCodes()
                    : outcome.failure();
            return new Result(micros, failure);
        }
        if (micros.size() != plain.iterations()) {
            return new Result(
                    micros,
                    "backend " + backend.name() + ": plain program printed " + micros.size() + " results, expected "
                            + plain.iterations());
        }
        return new Result(micros, "");
    }
}

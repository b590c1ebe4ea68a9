package org.jmpibench.harness.job;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Root;
import org.jmpibench.results.SecondaryMetric;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Rank 0's side of a benchmark: JMH's forked JVM drives the followers through a command stream.
 *
 * <h2>What is timed</h2>
 *
 * JMH's AverageTime mode calls {@link #operation()} once per operation; JMH's score is its measured time divided by the
 * calls, i.e. rank 0's time per operation. Followers are told in batches how many operations to run
 * ({@link BatchPlanner}): a batch is about 20 ms of work; the first of each iteration is commanded in the untimed
 * set-up, the next ones inside the timed region when the previous one is used up (one small bcast per ~20 ms of
 * operations), and what is left when JMH ends the iteration runs untimed in the tear-down. No control message is ever
 * sent per operation.
 *
 * <h2>Checked before timed</h2>
 *
 * Before every iteration each rank runs one operation with fresh data and checks what it holds
 * ({@link Workload#validate}); wrong data halts the rank with a message naming backend and rank, and the job fails.
 *
 * <h2>Secondary numbers (published per iteration to {@link RankMetricsProfiler})</h2>
 *
 * <ul>
 *   <li>{@code slowestRank} (collectives): after each iteration every rank reports the time it spent inside its batches
 *       (from a batch's first operation's start to its last operation's end) and their operation count; the value is
 *       the largest per-rank time per operation. The batch JMH's window closed in is left out when the iteration had
 *       others (it ran partly untimed). Rank 0 of a bcast may return before the data arrived elsewhere: this number
 *       does not.
 *   <li>{@code handTimed} (send): after each measurement iteration rank 0 runs ≈ 1/4 iteration of the same ping-pong in
 *       a plain loop between two {@code System.nanoTime()} calls; JMH score / handTimed is the harness overhead (goal ≤
 *       1.05).
 *   <li>{@code gatherPhase}, {@code averagePhase}, {@code bcastPhase} (gather-average, {@link Operation#phases()}):
 *       after each measurement iteration rank 0 runs ≈ 1/4 iteration of the same operation with a clock read between
 *       phases, and reports its time per operation in each phase. Not in JMH's timed loop: the clock reads would be
 *       timed with the operation.
 * </ul>
 *
 * <p>Every failure on this rank (wrong data, transport error) halts the JVM through {@link RankFailure}, so the
 * followers are never left waiting for a command.
 */
public final class LeaderSession {

    /** 1/this of an iteration is spent in the hand-timed or phase-timed loop (measurement iterations only). */
    static final int TIMED_LOOP_FRACTION = 4;

    private static final long DEFAULT_ITERATION_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Operation op;
    private final String backend;
    private final int size;
    private final BufferKind buffer;
    /** A rank or {@link Root#ROTATING}; 0 for an operation without a root. */
    private final int root;

    private final Communicator comm;
    private final Workload workload;
    private final Watchdog watchdog;
    private final BatchPlanner planner = new BatchPlanner();
    private final int[] wire = new int[Command.LENGTH];
    private final double[] myReport = new double[BatchReport.LENGTH];
    private final double[] allReports;
    private final long watchdogSeconds;
    /** TEST ONLY ({@link PlantedSlowdown}): null in every real run. */
    private final PlantedSlowdown plantedSlowdown;
    /**
     * send only: after SETUP, commands go point-to-point to rank 1 alone, so that idle ranks 2.. are not woken by every
     * batch (a woken rank of a spinning backend steals a core from the ping-pong on a small machine).
     */
    private final boolean partnerOnly;

    private int seq;
    private int iteration;
    private long iterationNs = DEFAULT_ITERATION_NS;
    /** Operations commanded and not yet run in the current batch. */
    private int remaining;

    private int batchOps;
    /** 0 until the batch's first operation starts. */
    private long batchStartNs;

    private final BatchReport mine = new BatchReport();
    /** True when JMH's window closed inside the current iteration's last batch (it was finished untimed). */
    private boolean lastBatchCut;

    private LeaderSession(
            Operation op, String backend, int size, BufferKind buffer, int root, Communicator comm, Watchdog watchdog) {
        this.op = op;
        this.backend = backend;
        this.size = size;
        this.buffer = buffer;
        this.root = root;
        this.comm = comm;
        this.watchdog = watchdog;
        this.watchdogSeconds = Watchdog.timeoutSeconds();
        this.plantedSlowdown = PlantedSlowdown.forThisRank(backend, op);
        this.allReports = new double[BatchReport.LENGTH * comm.size()];
        this.partnerOnly = op.shape() == Operation.Shape.PAIR;
        this.workload = Workload.create(op, buffer, comm, size, backend, root);
    }

    /**
     * Joins the job this fork runs in and has every follower allocate its buffers.
     *
     * @param backend the benchmark's {@code backend} parameter: must be the job's backend
     * @param np the benchmark's {@code np} parameter: must be the job's size
     * @param root the benchmark's {@code root} parameter ({@link Root}): a rank of the job or {@code rotate};
     *     {@link Root#NEUTRAL} for an operation without a root
     */
    public static LeaderSession start(Operation op, String backend, int np, int size, String buffer, String root) {
        String where = "backend " + backend + " rank 0: " + op.cliName() + " size " + size;
        String jobBackend;
        try {
            jobBackend = Job.backendName();
        } catch (IllegalStateException notInAJob) {
            // Not a job's rank (e.g. JMH with -f 0): fail this benchmark the JMH way; halting would end the host.
            throw new IllegalStateException(
                    "rank 0 must be JMH's forked VM started inside a job: run the "
                            + "benchmarks through 'jmpi-bench bench' (BenchRunner), with forks >= 1",
                    notInAJob);
        }
        Watchdog watchdog = new Watchdog("backend " + backend + " rank 0");
        try {
            watchdog.arm("joining the job", Watchdog.timeoutSeconds());
            if (!jobBackend.equals(backend)) {
                throw new IllegalStateException("this fork runs in a job of backend " + jobBackend
                        + " but the benchmark's backend parameter is " + backend);
            }
            Communicator comm = Job.communicator();
            watchdog.disarm();
            if (comm.rank() != 0) {
                throw new IllegalStateException("JMH's forked JVM must be rank 0, it is rank " + comm.rank());
            }
            if (comm.size() != np) {
                throw new IllegalStateException("the job has " + comm.size() + " ranks but np = " + np);
            }
            if (np < 2) {
                throw new IllegalStateException("np must be at least 2, got " + np);
            }
            LeaderSession session =
                    new LeaderSession(op, backend, size, BufferKind.byName(buffer), Root.rank(root), comm, watchdog);
            session.command(Command.Kind.SETUP, 0);
            return session;
        } catch (Throwable t) {
            throw RankFailure.halt(where + ": could not start", t);
        }
    }

    /** Untimed: validates one operation on every rank, then commands the iteration's first batch. */
    public void startIteration(IterationParams params) {
        try {
            iteration++;
            if (plantedSlowdown != null) {
                plantedSlowdown.restart();
            }
            long timeNs = params.getTime().convertTo(TimeUnit.NANOSECONDS);
            iterationNs = timeNs > 0 ? timeNs : DEFAULT_ITERATION_NS;
            watchdog.arm(params.getType() + " iteration " + iteration, watchdogSeconds);
            command(Command.Kind.VALIDATE, 0);
            workload.validate(seq);
            startBatch(planner.nextBatch(iterationNs));
        } catch (Throwable t) {
            throw RankFailure.halt(where() + " iteration " + iteration, t);
        }
    }

    /** One timed operation; commands a top-up batch when the current one is used up. */
    public void operation() {
        try {
            if (plantedSlowdown != null) {
                plantedSlowdown.beforeOperation();
            }
            if (remaining == 0) {
                startBatch(planner.nextBatch(iterationNs));
            }
            if (batchStartNs == 0) {
                batchStartNs = System.nanoTime();
            }
            workload.run();
            if (--remaining == 0) {
                finishBatch();
            }
            if (plantedSlowdown != null) {
                plantedSlowdown.afterOperation();
            }
        } catch (Throwable t) {
            throw RankFailure.halt(where(), t);
        }
    }

    /** Untimed: runs what the followers were still told to do, collects their times, publishes the metrics. */
    public void endIteration(IterationParams params) {
        try {
            drain();
            Map<SecondaryMetric, Double> metrics = new EnumMap<>(SecondaryMetric.class);
            if (params.getType() == IterationType.MEASUREMENT) {
                if (op.shape() == Operation.Shape.PAIR) {
                    metrics.put(SecondaryMetric.HAND_TIMED, handTimedLoop());
                }
                if (!op.phases().isEmpty()) {
                    phaseTimedLoop(metrics);
                }
            }
            double slowestNs = collectSlowestRank();
            if (op.shape() == Operation.Shape.COLLECTIVE) {
                metrics.put(SecondaryMetric.SLOWEST_RANK, slowestNs);
            }
            RankMetrics.publish(metrics);
            watchdog.disarm();
        } catch (Throwable t) {
            throw RankFailure.halt(where() + " iteration " + iteration, t);
        }
    }

    /** Tells the followers to leave, then leaves the job. */
    public void close() {
        try {
            command(Command.Kind.STOP, 0);
            if (partnerOnly) {
                // Rank 1 has left its point-to-point loop; now every rank takes the collective STOP.
                Command.encode(wire, Command.Kind.STOP, op, size, buffer, root, 0, ++seq);
                comm.bcast(wire, 0, Command.LENGTH, 0);
            }
            watchdog.arm("leaving the job", watchdogSeconds);
            comm.close();
            watchdog.disarm();
        } catch (Throwable t) {
            throw RankFailure.halt(where() + " closing", t);
        }
    }

    private void startBatch(int count) {
        command(Command.Kind.RUN, count);
        remaining = count;
        batchOps = count;
        batchStartNs = 0;
    }

    private void finishBatch() {
        long ns = System.nanoTime() - batchStartNs;
        mine.batch(ns, batchOps);
        planner.record(batchOps, ns);
        batchStartNs = 0;
    }

    private void drain() {
        lastBatchCut = remaining > 0;
        while (remaining > 0) {
            if (batchStartNs == 0) {
                batchStartNs = System.nanoTime();
            }
            workload.run();
            if (--remaining == 0) {
                finishBatch();
            }
        }
    }

    /** The same operation in a plain loop, same job, same buffers: the yardstick for harness overhead. */
    private double handTimedLoop() {
        int count = startTimedLoop();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            workload.run();
        }
        long ns = System.nanoTime() - start;
        endTimedLoop(ns, count);
        // Same unit as JMH's score, which divides each call by the messages it makes.
        return (double) ns / count / op.messagesPerInvocation();
    }

    /**
     * The operation in a loop that times each of its phases on rank 0 (four clock reads per operation, which is why
     * this is not JMH's timed loop); the followers run their ordinary batch, which makes the same calls.
     */
    private void phaseTimedLoop(Map<SecondaryMetric, Double> metrics) {
        List<SecondaryMetric> phases = op.phases();
        long[] ns = new long[phases.size()];
        int count = startTimedLoop();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            workload.runPhases(ns);
        }
        endTimedLoop(System.nanoTime() - start, count);
        for (int phase = 0; phase < ns.length; phase++) {
            metrics.put(phases.get(phase), (double) ns[phase] / count / op.messagesPerInvocation());
        }
    }

    /** Commands a batch of about 1/{@value #TIMED_LOOP_FRACTION} iteration for a loop after the iteration. */
    private int startTimedLoop() {
        int count = planner.opsFor(iterationNs / TIMED_LOOP_FRACTION);
        command(Command.Kind.RUN, count);
        return count;
    }

    private void endTimedLoop(long ns, int count) {
        // The followers count this batch too: so must we, or the reports disagree. It is now the last batch.
        mine.batch(ns, count);
        lastBatchCut = false;
    }

    /**
     * Every rank's busy time per operation since the last report; the largest. When JMH's window closed inside the last
     * batch, that batch is left out (if there are others): its operations ran partly after the window, so it would mix
     * untimed work into a number meant to sit beside JMH's score.
     */
    private double collectSlowestRank() {
        command(Command.Kind.REPORT, 0);
        mine.writeTo(myReport, 0);
        mine.clear();
        int reporting = partnerOnly ? 2 : comm.size();
        if (partnerOnly) {
            System.arraycopy(myReport, 0, allReports, 0, BatchReport.LENGTH);
            comm.recv(allReports, BatchReport.LENGTH, BatchReport.LENGTH, Follower.PARTNER, Follower.CONTROL_TAG);
        } else {
            comm.gather(myReport, 0, BatchReport.LENGTH, allReports, 0, 0);
        }
        double slowest = Double.NaN;
        for (int rank = 0; rank < reporting; rank++) {
            int at = rank * BatchReport.LENGTH;
            if (BatchReport.ops(allReports, at) != BatchReport.ops(allReports, 0)
                    || BatchReport.lastOps(allReports, at) != BatchReport.lastOps(allReports, 0)) {
                throw new IllegalStateException("rank " + rank + " ran " + (long) BatchReport.ops(allReports, at)
                        + " operations, rank 0 ran " + (long) BatchReport.ops(allReports, 0)
                        + ": the ranks are out of step");
            }
            double nsPerOp = BatchReport.nsPerOp(allReports, at, lastBatchCut);
            if (!(nsPerOp <= slowest)) {
                slowest = nsPerOp;
            }
        }
        lastBatchCut = false;
        return slowest;
    }

    private void command(Command.Kind kind, int count) {
        Command.encode(wire, kind, op, size, buffer, root, count, ++seq);
        if (partnerOnly && kind != Command.Kind.SETUP) {
            comm.send(wire, 0, Command.LENGTH, Follower.PARTNER, Follower.CONTROL_TAG);
        } else {
            comm.bcast(wire, 0, Command.LENGTH, 0);
        }
    }

    private String where() {
        return "backend " + backend + " rank 0: " + op.cliName() + " size " + size + " " + buffer.cliName()
                + (op.rooted() ? " " + Root.label(Root.value(root)) : "");
    }
}

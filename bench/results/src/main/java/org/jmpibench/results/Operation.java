package org.jmpibench.results;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The benchmarked operations and every fact about one that more than one class needs: its name on the command line and
 * in reports, the JMH benchmark that times it, what its score means, how many messages one benchmark call makes, and
 * which ranks take part. The order of the constants is the order of reports (point-to-point first, then the
 * collectives).
 *
 * <p>Adding an operation is adding a constant here, plus the two pieces no table can replace: its JMH benchmark class
 * in {@value #BENCHMARK_PACKAGE} and its workload in the harness. Reports, tables and the regression gate take
 * everything else from here.
 */
public enum Operation {
    /** Ping-pong between ranks 0 and 1 (OSU {@code osu_latency}). */
    SEND(
            "send",
            "PingPong",
            "send",
            Shape.PAIR,
            false,
            2,
            "one-way latency: half a ping-pong round trip between ranks 0 and 1 (OSU osu_latency)"),
    /** A window of non-blocking sends from rank 0 to rank 1, one acknowledgement per window (OSU {@code osu_bw}). */
    BW(
            "bw",
            "Bandwidth",
            "bw",
            Shape.PAIR,
            false,
            Operation.WINDOW,
            "time per message of a window of " + Operation.WINDOW + " non-blocking sends from rank 0 to rank 1, one "
                    + "acknowledgement per window (OSU osu_bw); bandwidth = bytes / score"),
    /** Windows of non-blocking sends both ways between ranks 0 and 1 at once (OSU {@code osu_bibw}). */
    BIBW(
            "bibw",
            "BiBandwidth",
            "bibw",
            Shape.PAIR,
            false,
            2 * Operation.WINDOW,
            "time per message, counting both directions, of windows of " + Operation.WINDOW + " non-blocking sends "
                    + "exchanged between ranks 0 and 1 (OSU osu_bibw); bandwidth = bytes / score, both ways"),
    /** Broadcast from the root to all (OSU {@code osu_bcast}). */
    BCAST(
            "bcast",
            "Bcast",
            "bcast",
            Shape.COLLECTIVE,
            true,
            1,
            "rank 0's time per broadcast from the root to every rank (OSU osu_bcast)"),
    /** Gather of every rank's block to the root (OSU {@code osu_gather}): gather-average's first phase alone. */
    GATHER(
            "gather",
            "Gather",
            "gather",
            Shape.COLLECTIVE,
            true,
            1,
            "rank 0's time per gather of every rank's block to the root (OSU osu_gather)"),
    /** Gather to the root, element-wise average as doubles, broadcast of the average (the seed's program). */
    GATHER_AVERAGE(
            "gather-average",
            "GatherAverage",
            "gatherAverage",
            Shape.COLLECTIVE,
            true,
            1,
            "rank 0's time per gather to the root, element-wise average, and broadcast of the averages",
            SecondaryMetric.GATHER_PHASE,
            SecondaryMetric.AVERAGE_PHASE,
            SecondaryMetric.BCAST_PHASE),
    /** The seed's average done with an allreduce: ints to doubles, allreduce SUM, divide by np on every rank. */
    ALLREDUCE_AVERAGE(
            "allreduce-average",
            "AllreduceAverage",
            "allreduceAverage",
            Shape.COLLECTIVE,
            false,
            1,
            "rank 0's time per element-wise average of every rank's ints as doubles, with allreduce SUM and a "
                    + "divide on every rank (gather-average's result)"),
    /** Element-wise sum of every rank's ints, on every rank (OSU {@code osu_allreduce}). */
    ALLREDUCE(
            "allreduce",
            "Allreduce",
            "allreduce",
            Shape.COLLECTIVE,
            false,
            1,
            "rank 0's time per allreduce SUM of ints (OSU osu_allreduce)"),
    /** Element-wise sum of every rank's ints, at the root (OSU {@code osu_reduce}). */
    REDUCE(
            "reduce",
            "Reduce",
            "reduce",
            Shape.COLLECTIVE,
            true,
            1,
            "rank 0's time per reduce SUM of ints to the root (OSU osu_reduce)"),
    /** Every rank's block to every rank (OSU {@code osu_allgather}). */
    ALLGATHER(
            "allgather",
            "Allgather",
            "allgather",
            Shape.COLLECTIVE,
            false,
            1,
            "rank 0's time per allgather of every rank's block (OSU osu_allgather)"),
    /** A block from every rank to every rank, each its own (OSU {@code osu_alltoall}). */
    ALLTOALL(
            "alltoall",
            "Alltoall",
            "alltoall",
            Shape.COLLECTIVE,
            false,
            1,
            "rank 0's time per personalised all-to-all, a block per pair of ranks (OSU osu_alltoall)"),
    /** The root's blocks, one to each rank (OSU {@code osu_scatter}). */
    SCATTER(
            "scatter",
            "Scatter",
            "scatter",
            Shape.COLLECTIVE,
            true,
            1,
            "rank 0's time per scatter of the root's blocks, one per rank (OSU osu_scatter)"),
    /**
     * Element-wise sum of every rank's np blocks, block r to rank r (MPI_Reduce_scatter_block; OSU
     * {@code osu_reduce_scatter}, whose size is the whole vector, np blocks, where ours is one block).
     */
    REDUCE_SCATTER(
            "reduce-scatter",
            "ReduceScatter",
            "reduceScatter",
            Shape.COLLECTIVE,
            false,
            1,
            "rank 0's time per reduce-scatter SUM of ints, size = the block each rank receives "
                    + "(OSU osu_reduce_scatter at np x size)"),
    /** Every rank waits for all (OSU {@code osu_barrier}); moves no data, so it has the one size 0. */
    BARRIER(
            "barrier",
            "Barrier",
            "barrier",
            Shape.COLLECTIVE,
            false,
            1,
            "rank 0's time per barrier (OSU osu_barrier); size-less, recorded at size 0");

    /** The package of the JMH benchmark classes: part of every benchmark name in every results file. */
    public static final String BENCHMARK_PACKAGE = "org.jmpibench.harness";

    /** Non-blocking sends per window of {@link #BW} and {@link #BIBW} (per direction): OSU's {@code window_size}. */
    public static final int WINDOW = 64;

    /** The {@code size} of every result of a size-less operation ({@link #sizeLess()}): it moves no data. */
    public static final int NO_SIZE = 0;

    /** Which ranks take part in an operation, and so which secondary metric and derived figures it has. */
    public enum Shape {
        /**
         * Ranks 0 and 1 exchange messages, the others idle; the score is a time per message, so bandwidth is bytes /
         * score; the secondary metric {@link SecondaryMetric#HAND_TIMED} cross-checks the harness.
         */
        PAIR(SecondaryMetric.HAND_TIMED),
        /**
         * Every rank takes part; rank 0's time can end before the others', so the secondary metric
         * {@link SecondaryMetric#SLOWEST_RANK} gives the slowest rank's.
         */
        COLLECTIVE(SecondaryMetric.SLOWEST_RANK);

        private final SecondaryMetric secondaryMetric;

        Shape(SecondaryMetric secondaryMetric) {
            this.secondaryMetric = secondaryMetric;
        }

        /** The secondary metric every benchmark of this shape reports. */
        public SecondaryMetric secondaryMetric() {
            return secondaryMetric;
        }
    }

    private final String cliName;
    private final String benchmarkClass;
    private final String method;
    private final Shape shape;
    private final boolean rooted;
    private final int messagesPerInvocation;
    private final String scoreMeaning;
    private final List<SecondaryMetric> phases;

    Operation(
            String cliName,
            String benchmarkSimpleName,
            String method,
            Shape shape,
            boolean rooted,
            int messagesPerInvocation,
            String scoreMeaning,
            SecondaryMetric... phases) {
        this.cliName = cliName;
        this.benchmarkClass = BENCHMARK_PACKAGE + "." + benchmarkSimpleName;
        this.method = method;
        this.shape = shape;
        this.rooted = rooted;
        this.messagesPerInvocation = messagesPerInvocation;
        this.scoreMeaning = scoreMeaning;
        this.phases = List.of(phases);
    }

    /** The name on the command line, in tables, charts and file names: {@code send}, {@code gather-average}. */
    public String cliName() {
        return cliName;
    }

    /** The JMH benchmark class that times this operation. */
    public String benchmarkClass() {
        return benchmarkClass;
    }

    /** The {@code @Benchmark} method of {@link #benchmarkClass()}. */
    public String benchmarkMethod() {
        return method;
    }

    /** The JMH benchmark name, as in the JSON's {@code benchmark} field. */
    public String benchmarkName() {
        return benchmarkClass + "." + method;
    }

    /** JMH include pattern matching exactly this operation's benchmark. */
    public String includePattern() {
        return "^" + benchmarkName().replace(".", "\\.") + "$";
    }

    public Shape shape() {
        return shape;
    }

    /**
     * Whether the operation has a root, chosen by the {@link Param#ROOT} parameter ({@link Root}): bcast, gather,
     * gather-average, reduce, scatter. Only these benchmarks have that parameter.
     */
    public boolean rooted() {
        return rooted;
    }

    /**
     * Whether the operation moves no data (barrier): it runs at the one size {@link #NO_SIZE}, whatever sizes a run
     * names, so its results match across runs.
     */
    public boolean sizeLess() {
        return this == BARRIER;
    }

    /**
     * Messages one benchmark call makes, as declared with {@code @OperationsPerInvocation}: JMH divides the call's time
     * by it, so the score is a time per message (a ping-pong round trip is 2).
     */
    public int messagesPerInvocation() {
        return messagesPerInvocation;
    }

    /** What the score (us/op) means, in a phrase for tables and reports. */
    public String scoreMeaning() {
        return scoreMeaning;
    }

    /**
     * The phases one operation is made of, each timed separately as a secondary metric, in the order they run; empty
     * for an operation of one phase. Their sum sits beside the score in reports.
     */
    public List<SecondaryMetric> phases() {
        return phases;
    }

    /** Whether bytes / score is this operation's bandwidth: true where the score is one message's time. */
    public boolean hasBandwidth() {
        return shape == Shape.PAIR;
    }

    /** The operation timed by JMH benchmark {@code benchmark} (a full benchmark name), if it is one of ours. */
    public static Optional<Operation> ofBenchmark(String benchmark) {
        for (Operation op : values()) {
            if (op.benchmarkName().equals(benchmark)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException naming the bad value and the known ones */
    public static Operation byName(String name) {
        for (Operation op : values()) {
            if (op.cliName.equals(name.strip())) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + name + "'; known operations: "
                + Arrays.stream(values()).map(Operation::cliName).collect(Collectors.joining(", ")));
    }
}

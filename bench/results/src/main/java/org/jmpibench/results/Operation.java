package org.jmpibench.results;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The benchmarked operations and every fact about one that more than one class needs: its name on the command
 * line and in reports, the JMH benchmark that times it, what its score means, how many messages one benchmark
 * call makes, and which ranks take part. The order of the constants is the order of reports (point-to-point
 * first, then the collectives).
 *
 * <p>Adding an operation is adding a constant here, plus the two pieces no table can replace: its JMH benchmark
 * class in {@value #BENCHMARK_PACKAGE} and its workload in the harness. Reports, tables and the regression gate
 * take everything else from here.
 */
public enum Operation {
    /** Ping-pong between ranks 0 and 1 (OSU {@code osu_latency}). */
    SEND("send", "PingPong", "send", Shape.PAIR, 2,
            "one-way latency: half a ping-pong round trip between ranks 0 and 1 (OSU osu_latency)"),
    /** Broadcast from rank 0 to all (OSU {@code osu_bcast}). */
    BCAST("bcast", "Bcast", "bcast", Shape.COLLECTIVE, 1,
            "rank 0's time per broadcast from rank 0 to every rank (OSU osu_bcast)"),
    /** Gather of every rank's block to rank 0 (OSU {@code osu_gather}): gather-average's first phase alone. */
    GATHER("gather", "Gather", "gather", Shape.COLLECTIVE, 1,
            "rank 0's time per gather of every rank's block to rank 0 (OSU osu_gather)"),
    /** Gather to rank 0, element-wise average as doubles, broadcast of the average (the seed's program). */
    GATHER_AVERAGE("gather-average", "GatherAverage", "gatherAverage", Shape.COLLECTIVE, 1,
            "rank 0's time per gather to rank 0, element-wise average, and broadcast of the averages",
            SecondaryMetric.GATHER_PHASE, SecondaryMetric.AVERAGE_PHASE, SecondaryMetric.BCAST_PHASE);

    /** The package of the JMH benchmark classes: part of every benchmark name in every results file. */
    public static final String BENCHMARK_PACKAGE = "org.jmpibench.harness";

    /** Which ranks take part in an operation, and so which secondary metric and derived figures it has. */
    public enum Shape {
        /**
         * Ranks 0 and 1 exchange messages, the others idle; the score is a time per message, so bandwidth is
         * bytes / score; the secondary metric {@link SecondaryMetric#HAND_TIMED} cross-checks the harness.
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
    private final int messagesPerInvocation;
    private final String scoreMeaning;
    private final List<SecondaryMetric> phases;

    Operation(String cliName, String benchmarkSimpleName, String method, Shape shape, int messagesPerInvocation,
              String scoreMeaning, SecondaryMetric... phases) {
        this.cliName = cliName;
        this.benchmarkClass = BENCHMARK_PACKAGE + "." + benchmarkSimpleName;
        this.method = method;
        this.shape = shape;
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
     * Messages one benchmark call makes, as declared with {@code @OperationsPerInvocation}: JMH divides the
     * call's time by it, so the score is a time per message (a ping-pong round trip is 2).
     */
    public int messagesPerInvocation() {
        return messagesPerInvocation;
    }

    /** What the score (us/op) means, in a phrase for tables and reports. */
    public String scoreMeaning() {
        return scoreMeaning;
    }

    /**
     * The phases one operation is made of, each timed separately as a secondary metric, in the order they run;
     * empty for an operation of one phase. Their sum sits beside the score in reports.
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

package org.jmpibench.harness;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The benchmarked operations, by the names used on the command line and in results. */
public enum Operation {
    /** Ping-pong between ranks 0 and 1; score = half a round trip (OSU latency). */
    SEND("send", "org.jmpibench.harness.PingPong", "send"),
    /** Broadcast from rank 0 to all. */
    BCAST("bcast", "org.jmpibench.harness.Bcast", "bcast"),
    /** Gather to rank 0, element-wise average as doubles, broadcast of the average. */
    GATHER_AVERAGE("gather-average", "org.jmpibench.harness.GatherAverage", "gatherAverage");

    private final String cliName;
    private final String benchmarkClass;
    private final String method;

    Operation(String cliName, String benchmarkClass, String method) {
        this.cliName = cliName;
        this.benchmarkClass = benchmarkClass;
        this.method = method;
    }

    public String cliName() {
        return cliName;
    }

    /** The JMH benchmark class that times this operation. */
    public String benchmarkClass() {
        return benchmarkClass;
    }

    /** The JMH benchmark name, as in the JSON's {@code benchmark} field. */
    public String benchmarkName() {
        return benchmarkClass + "." + method;
    }

    /** JMH include pattern matching exactly this operation's benchmark. */
    public String includePattern() {
        return "^" + benchmarkClass.replace(".", "\\.") + "\\.";
    }

    /** The operation timed by benchmark {@code benchmark} (a JMH benchmark name), or null. */
    public static Operation ofBenchmark(String benchmark) {
        for (Operation op : values()) {
            if (benchmark.startsWith(op.benchmarkClass + ".")) {
                return op;
            }
        }
        return null;
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

package org.jmpibench.spi.plain;

import java.util.List;

/**
 * What a plain program is asked to time, as its command-line arguments: {@code OPERATION SIZE BUFFER WARMUPS ITERATIONS
 * ITERATION_MS}. The operation and buffer names are the suite's (as on {@code bench --ops} and {@code --buffer});
 * {@code size} counts ints, as the suite's {@code size} parameter does.
 *
 * @param operation {@code send} (ping-pong between ranks 0 and 1, one-way time = half the round trip), {@code bcast} or
 *     {@code gather} (root 0, rank 0's time per operation)
 * @param size elements (ints) per message, per rank for gather
 * @param direct a direct buffer in native order instead of an {@code int[]}
 * @param warmups untimed iterations; they also size the measured ones
 * @param iterations measured iterations, one result line each
 * @param iterationMillis about how long one iteration runs
 */
public record PlainRun(String operation, int size, boolean direct, int warmups, int iterations, long iterationMillis) {

    /** Operations every plain program times. */
    public static final List<String> OPERATIONS = List.of("send", "bcast", "gather");
    /** Rank 0 prints {@code PREFIX iteration nanosecondsPerOperation} per measured iteration. */
    public static final String RESULT_PREFIX = "jmpi-plain-result";

    public PlainRun {
        if (!OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("plain programs time " + OPERATIONS + ", not " + operation);
        }
        if (size < 1 || warmups < 1 || iterations < 1 || iterationMillis < 1) {
            throw new IllegalArgumentException("size, warmups, iterations and iteration time must be positive");
        }
    }

    public static PlainRun parse(String[] args) {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: OPERATION SIZE array|direct WARMUPS ITERATIONS ITERATION_MS");
        }
        boolean direct = switch (args[2]) {
            case "array" -> false;
            case "direct" -> true;
            default -> throw new IllegalArgumentException("buffer must be array or direct, not " + args[2]);
        };
        return new PlainRun(
                args[0],
                Integer.parseInt(args[1]),
                direct,
                Integer.parseInt(args[3]),
                Integer.parseInt(args[4]),
                Long.parseLong(args[5]));
    }

    public List<String> toArgs() {
        return List.of(
                operation,
                Integer.toString(size),
                direct ? "direct" : "array",
                Integer.toString(warmups),
                Integer.toString(iterations),
                Long.toString(iterationMillis));
    }

    /** One-way messages per timed call: a ping-pong call is a round trip. */
    public int messagesPerCall() {
        return operation.equals("send") ? 2 : 1;
    }

    public static String resultLine(int iteration, double nsPerOperation) {
        return RESULT_PREFIX + " " + iteration + " " + nsPerOperation;
    }

    /** The nanoseconds per operation of a result line, or NaN for any other line. */
    public static double parseResult(String line) {
        String text = line.strip();
        if (!text.startsWith(RESULT_PREFIX + " ")) {
            return Double.NaN;
        }
        String[] parts = text.split(" ");
        return parts.length == 3 ? Double.parseDouble(parts[2]) : Double.NaN;
    }
}

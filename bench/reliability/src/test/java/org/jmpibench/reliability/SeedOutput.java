package org.jmpibench.reliability;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What {@code jmpi-bench demo --np N} must print: the seed's output for N ranks, ranks in order. The same text
 * as bench/cli's DemoTest.expectedOutput (test classes of another module are not visible here, so it is
 * rebuilt), generalised to any N.
 */
final class SeedOutput {

    private SeedOutput() {
    }

    static String forRanks(int np) {
        String rule = "=".repeat(50) + "\n";
        String average = IntStream.range(0, 10).mapToObj(i -> numpyFloat((np - 1) / 2.0))
                .collect(Collectors.joining(" ", "[", "]"));
        // NumPy pads every element of the gathered array to the widest: [[ 0  0 ...]\n [10 10 ...]].
        String format = "%" + Integer.toString(np - 1).length() + "d";
        String gathered = IntStream.range(0, np)
                .mapToObj(r -> "[" + (String.format(format, r) + " ").repeat(9) + String.format(format, r) + "]")
                .collect(Collectors.joining("\n ", "[", "]"));
        return "Number of MPI processes that will talk to each other: " + np + "\n"
                + "point to point\n"
                + "Hello I am rank 1\n"
                + "I received some data: [0 1 2]\n"
                + rule
                + "Broadcasting from rank 0\n"
                + IntStream.range(0, np).mapToObj(r -> "Data at rank " + r + " [0 1 2 3 4 5 6 7 8 9]\n")
                        .collect(Collectors.joining())
                + rule
                + "Gather and reduce\n"
                + "I am rank 0, data I gathered is: " + gathered + "\n"
                + IntStream.range(0, np).mapToObj(r -> "I am rank " + r + ", my avg is: " + average + "\n")
                        .collect(Collectors.joining());
    }

    /** NumPy prints a whole float as {@code 7.} and a half as {@code 7.5}, the only values the average takes. */
    private static String numpyFloat(double value) {
        return value == Math.rint(value) ? (long) value + "." : Double.toString(value);
    }
}

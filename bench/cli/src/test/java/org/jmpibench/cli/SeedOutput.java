package org.jmpibench.cli;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What {@code jmpi-bench demo --np N} must print: the seed's output for N ranks, ranks in order, the average as
 * float64. Shared with the reliability tests through this module's test jar.
 */
public final class SeedOutput {

    private SeedOutput() {}

    /** What the seed prints for {@code np} ranks (with the average as float64, and ranks in order). */
    public static String forRanks(int np) {
        String rule = "=".repeat(50) + "\n";
        // Written out independently of the code under test: NumPy prints 1.0 as "1." and 1.5 as "1.5".
        double mean = (np - 1) / 2.0;
        String one = mean == Math.rint(mean) ? (long) mean + "." : Double.toString(mean);
        String average = "[" + (one + " ").repeat(9) + one + "]";
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
                + IntStream.range(0, np)
                        .mapToObj(r -> "Data at rank " + r + " [0 1 2 3 4 5 6 7 8 9]\n")
                        .collect(Collectors.joining())
                + rule
                + "Gather and reduce\n"
                + "I am rank 0, data I gathered is: " + gathered + "\n"
                + IntStream.range(0, np)
                        .mapToObj(r -> "I am rank " + r + ", my avg is: " + average + "\n")
                        .collect(Collectors.joining());
    }
}

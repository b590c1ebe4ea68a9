package org.jmpibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jmpibench.spi.Backends;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's demo prints what the seed prints, in the same order, on every backend. */
class DemoTest {

    @ParameterizedTest(name = "{0} np={1}")
    @CsvSource({"loopback,2", "loopback,4", "shm,4", "openmpi,4", "mpj-niodev,4", "mpj-smpdev,4"})
    void printsTheSeedsResults(String backend, int np) {
        boolean known = Backends.all().stream().anyMatch(b -> b.name().equals(backend));
        Assumptions.assumeTrue(known && Backends.byName(backend).availability().available(),
                backend + " is not built or not available here");
        CliRunner result = CliRunner.run("demo", "--backend", backend, "--np", Integer.toString(np));
        assertThat(result.status).as(result.err).isZero();
        assertThat(result.out).isEqualTo(expectedOutput(np));
    }

    /** What the seed prints for {@code np} ranks (with the average as float64, and ranks in order). */
    static String expectedOutput(int np) {
        String rule = "=".repeat(50) + "\n";
        String average = NumpyFormat.doubles(IntStream.range(0, 10).mapToDouble(i -> (np - 1) / 2.0).toArray());
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
}

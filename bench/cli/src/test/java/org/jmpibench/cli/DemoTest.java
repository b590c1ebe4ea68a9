package org.jmpibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed's demo on the loopback backend prints what the seed prints. */
class DemoTest {

    @ParameterizedTest(name = "np={0}")
    @ValueSource(ints = {2, 4})
    void printsTheSeedsResults(int np) {
        CliRunner result = CliRunner.run("demo", "--backend", "loopback", "--np", Integer.toString(np));
        assertThat(result.status).as(result.err).isZero();
        String average = NumpyFormat.doubles(IntStream.range(0, 10).mapToDouble(i -> (np - 1) / 2.0).toArray());
        assertThat(result.out)
                .contains("Number of MPI processes that will talk to each other: " + np)
                .contains("Hello I am rank 1")
                .contains("I received some data: [0 1 2]")
                .contains("Broadcasting from rank 0");
        for (int rank = 0; rank < np; rank++) {
            assertThat(result.out).contains("Data at rank " + rank + " [0 1 2 3 4 5 6 7 8 9]")
                    .contains("I am rank " + rank + ", my avg is: " + average);
        }
        String gathered = IntStream.range(0, np).mapToObj(r -> "[" + (r + " ").repeat(9) + r + "]")
                .collect(Collectors.joining("\n ", "[", "]"));
        assertThat(result.out).contains("I am rank 0, data I gathered is: " + gathered);
    }
}

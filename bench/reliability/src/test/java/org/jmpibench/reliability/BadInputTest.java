package org.jmpibench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input to every command of the real command line: a non-zero status (2, the command line's convention for bad
 * input), exactly one line on stderr in the command's own voice ({@code jmpi-bench:}, {@code plot:}, {@code compare:},
 * {@code table:}, {@code jmpi-bench ab:}) that names what is wrong, at most picocli's "Try '... --help'." hint besides,
 * nothing on stdout, never a stack trace, and no process left. (bench/cli's CommandLineErrorsTest covers {@code demo}'s
 * options in-process; this runs the jar as a user does, across commands.)
 */
class BadInputTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String FAULTY = "org.jmpibench.conformance.FaultyRank";

    @TempDir
    static Path files;

    @BeforeAll
    static void writeForeignFiles() throws IOException {
        Files.writeString(files.resolve("object.json"), "{\"benchmarks\": []}\n");
        Files.writeString(files.resolve("table.csv"), "benchmark,score\nping,1.5\n");
        Files.createDirectories(files.resolve("empty-mpj-home"));
    }

    /**
     * Columns: arguments ({@code $F} = FaultyRank, {@code $D} = the directory of foreign files), the setting that makes
     * a backend unavailable (or empty), the prefix of the one line, what it must say.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "frobnicate                                 | -   | jmpi-bench: | Unmatched argument at index 0: 'frobnicate'",
                "run --backend nosuch --np 2 $F exit 1      | -   | jmpi-bench: | unknown backend 'nosuch'; known backends:",
                "demo --backend nosuch --np 2               | -   | jmpi-bench: | unknown backend 'nosuch'",
                "run --backend loopback --frob 3 $F exit 1  | -   | jmpi-bench: | Unknown option: '--frob'",
                "demo --backend loopback --np 2 --frob      | -   | jmpi-bench: | Unknown option: '--frob'",
                "run --backend loopback --np abc $F exit 1  | -   | jmpi-bench: | '--np': 'abc' is not an int",
                "run --backend loopback --np 0 $F exit 1    | -   | jmpi-bench: | --np must be between 1 and 64, got 0",
                "run --backend loopback --np -1 $F exit 1   | -   | jmpi-bench: | --np must be between 1 and 64, got -1",
                "run --backend loopback --np 65 $F exit 1   | -   | jmpi-bench: | --np must be between 1 and 64, got 65",
                "demo --backend loopback --np 65            | -   | jmpi-bench: | --np must be between 2 and 64",
                "run --backend loopback --timeout 0 $F hang 1 | - | jmpi-bench: | --timeout must be at least 1 second, got 0",
                "run --backend loopback --np 2 org.nope.Missing | - | jmpi-bench: | no main class org.nope.Missing in this jar",
                "run --backend loopback --np 2 org.jmpibench.spi.Availability | - | jmpi-bench: | no main class org.jmpibench.spi.Availability",
                "run --np 2 $F exit 1                       | -   | jmpi-bench: | Missing required option: '--backend",
                "plot $D/missing.json                       | -   | plot:       | $D/missing.json: no such file",
                "plot $D/object.json                        | -   | plot:       | $D/object.json: not a JMH results file",
                "plot $D/table.csv                          | -   | plot:       | $D/table.csv: not valid JSON",
                "compare $D/missing.json $D/object.json     | -   | compare:    | baseline file $D/missing.json: no such file",
                "compare $D/object.json $D/table.csv        | -   | compare:    | baseline file $D/object.json: not a JMH results file",
                "compare $D/table.csv $D/object.json        | -   | compare:    | baseline file $D/table.csv: not valid JSON",
                "table $D/missing.json                      | -   | table:      | results file $D/missing.json: no such file",
                "table --markdown $D/table.csv              | -   | table:      | results file $D/table.csv: not valid JSON",
                "bench -p colour=red                        | -   | jmpi-bench: | unknown parameter 'colour' in -p colour=red",
                "bench --sizes 1K,6B                        | -   | jmpi-bench: | size '6B' is 6 bytes, not a whole number of 4-byte int elements",
                "bench -n 2 -p np=4                         | -   | jmpi-bench: | --np and -p np both given; give one",
                "bench -prof nosuchprofiler                 | -   | jmpi-bench: | unknown profiler 'nosuchprofiler' (-prof); profilers that run here: ",
                "bench -rf xml                              | -   | jmpi-bench: | unknown result format 'xml' (-rf)",
                "ab --blocks 2                              | -   | jmpi-bench: | Missing required option: '--base=REV'",
                "ab --base no-such-revision-x               | -   | jmpi-bench ab: | --base 'no-such-revision-x' is not a commit in",
                "ab --base HEAD --blocks 0                  | -   | jmpi-bench ab: | --blocks must be at least 1, not 0",
                "ab --base HEAD --time-budget soon          | -   | jmpi-bench ab: | --time-budget 'soon' is not a duration such as 90s, 12m, 1h",
                "ab --base HEAD -- --forks 2                | -   | jmpi-bench ab: | bench option --forks is ab's own",
                "history $D/missing.json                    | -   | jmpi-bench history: | results file $D/missing.json: no such file",
                "history $D/object.json                     | -   | jmpi-bench history: | results file $D/object.json: not a JMH results file",
                "history --select op:nope $D                | -   | jmpi-bench history: | unknown operation 'nope'",
                "bench --results-dir $D/object.json         | -   | jmpi-bench: | --results-dir $D/object.json: cannot create files there (a file of that name is in the way)",
                "calibrate --backends nosuch                | -   | jmpi-bench: | unknown backend 'nosuch'; known backends:",
                "calibrate --backends loopback              | -   | jmpi-bench: | loopback has no plain program: it is not a wrapper of a library",
                "calibrate --backends shm                   | -   | jmpi-bench: | shm has no plain program: it is not a wrapper of a library",
                "calibrate --sizes 1,4Mi                    | -   | jmpi-bench: | --sizes: 4Mi is out of calibrate's range 1..1Mi ints (4 B to 4 MiB)",
                "calibrate --sizes 0                        | -   | jmpi-bench: | size '0' must be at least 1 element",
                "calibrate --rounds 2                       | -   | jmpi-bench: | --rounds must be at least 3 (a median and a spread need three), got 2",
                "calibrate --ops gather-average             | -   | jmpi-bench: | --ops: no plain program times gather-average; calibrate times send, bcast, gather",
                "calibrate --results-dir $D/object.json     | -   | jmpi-bench: | --results-dir $D/object.json: cannot create files there (a file of that name is in the way)",
                "bench --results-dir /proc/jmpi-results     | -   | jmpi-bench: | --results-dir /proc/jmpi-results: cannot create files there (no such file or directory)",
                "run --backend openmpi --np 2 $F exit 1     | -Djmpi.openmpi.jar=$D/no-mpi.jar | jmpi-bench: | backend openmpi is not available: Open MPI Java bindings incomplete, missing: mpi.jar (looked at $D/no-mpi.jar)",
                "demo --backend openmpi --np 2              | -Djmpi.openmpi.jar=$D/no-mpi.jar | jmpi-bench: | backend openmpi is not available",
                "run --backend mpj-niodev --np 2 $F exit 1  | MPJ_HOME=$D/empty-mpj-home | jmpi-bench: | backend mpj-niodev is not available: MPJ Express not found at $D/empty-mpj-home",
                "demo --backend mpj-smpdev --np 2           | MPJ_HOME=$D/empty-mpj-home | jmpi-bench: | backend mpj-smpdev is not available: MPJ Express not found at $D/empty-mpj-home",
                "run --backend shm --np 2 $F exit 1         | JMPI_SHM_DIR=$D/no-such-dir | jmpi-bench: | backend shm is not available: shm needs a writable tmpfs directory at $D/no-such-dir",
            })
    void badInputGetsOneLineNamingItAndUsageStatus(String args, String setting, String prefix, String expected)
            throws InterruptedException {
        List<String> jvmOptions = new ArrayList<>();
        Map<String, String> env = Map.of();
        if (setting != null) {
            String value = expand(setting);
            if (value.startsWith("-D")) {
                jvmOptions.add(value);
            } else {
                env = Map.of(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
            }
        }
        try (CliProcess cli = CliProcess.start(jvmOptions, env, expand(args).split(" +"))) {
            CliProcess.Result result = cli.awaitExit(LIMIT);

            assertThat(result.status()).as(result.toString()).isEqualTo(2);
            assertThat(result.errLinesStartingWith(prefix))
                    .as(result.toString())
                    .hasSize(1);
            assertThat(result.errLinesStartingWith(prefix).get(0)).contains(expand(expected));
            assertThat(result.err().lines().filter(line -> !line.startsWith(prefix)))
                    .as("stderr besides the one line: at most the help hint")
                    .allMatch(line -> line.matches("Try 'jmpi-bench( \\w+)? --help'\\."));
            assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(result.out()).as("nothing half-done on stdout").isEmpty();
            assertThat(cli.watch().survivors(Duration.ofSeconds(5))).isEmpty();
        }
    }

    private static String expand(String text) {
        return text.strip().replace("$F", FAULTY).replace("$D", files.toString());
    }
}

package org.jmpibench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jmpibench.harness.job.PlantedSlowdown;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calibrate} sees a slowdown of 30 % planted on the suite's path (issue 12): one point, openmpi's send of 1 Ki
 * ints, with every timed operation of rank 0 stretched by 30 % ({@link PlantedSlowdown}), five interleaved rounds. The
 * run must be flagged: status 1, "OVER" in the table, verdict "over" in the JSON, median ratio at least 1.15.
 *
 * <p>Why openmpi and five rounds: the stretch is a fraction of each operation's own duration, so it scales the suite's
 * side by 1.3 whatever the machine's speed, and what can hide it is only the round-to-round spread of the ratio. For
 * mpj-smpdev (two rank threads and JMH's sharing two cores) that spread is 0.76-1.67 per round, and a CI run of three
 * rounds missed the plant; openmpi's ranks are processes bound to a core each, and its rounds stayed within 1.00-1.12
 * unplanted and 1.06-1.54 planted even beside a build here. The median of five rounds is under 1.15 only if three of
 * them are, which none of those runs came near. Finding 10 % through noise is the A/B gate's job ({@code ab}, with its
 * power measured), not this check's.
 */
class CalibrateTest {

    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final String BACKEND = "openmpi";
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void aSlowdownPlantedOnTheSuitesPathIsFlagged() throws IOException {
        AvailableBackends.assumeAvailable(BACKEND);

        Calibration planted = calibrate("planted", Map.of(PlantedSlowdown.ENV, BACKEND + ":send:0.3"));

        assertThat(planted.status).as(planted.output).isEqualTo(1);
        assertThat(planted.output).contains("OVER 1.10").contains("calibrate: 1 of 1 points OVER 1.10: " + BACKEND);
        assertThat(planted.point().get("verdict").asText()).isEqualTo("over");
        assertThat(planted.point().get("ratioMedian").asDouble())
                .as(planted.output)
                .isGreaterThanOrEqualTo(1.15);

        // The suite's runs are an ordinary run beside the table: one result, each round another fork.
        assertThat(ResultsFile.read(planted.results).results())
                .singleElement()
                .satisfies(result -> assertThat(result.primary().forks()).isEqualTo(ROUNDS));
        assertThat(planted.json.get("results").asText())
                .isEqualTo(planted.results.getFileName().toString());
        assertThat(planted.point().get("rounds")).hasSize(ROUNDS);
    }

    private Calibration calibrate(String name, Map<String, String> env) throws IOException {
        Path results = Files.createDirectories(dir.resolve(name));
        CliProcess.Result run = CliProcess.run(
                LIMIT,
                List.of(),
                env,
                "calibrate",
                "--backends",
                BACKEND,
                "--ops",
                "send",
                "--sizes",
                "1Ki",
                "--buffer",
                "array",
                "--rounds",
                Integer.toString(ROUNDS),
                "--results-dir",
                results.toString());
        assertThat(run.status()).as("calibrate %s ran every job: %s", name, run).isIn(0, 1);
        assertThat(run.out()).as(run.toString()).doesNotContain("FAILED");
        try (var files = Files.list(results)) {
            Path table = files.filter(f -> f.toString().endsWith(RunFiles.CALIBRATION_SUFFIX))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no calibration table: " + run));
            Path json = table.resolveSibling(
                    table.getFileName().toString().replace(RunFiles.CALIBRATION_SUFFIX, RunFiles.RESULTS_SUFFIX));
            return new Calibration(run.status(), run.toString(), new ObjectMapper().readTree(table.toFile()), json);
        }
    }

    private record Calibration(int status, String output, JsonNode json, Path results) {
        JsonNode point() {
            assertThat(json.get("points")).as(output).hasSize(1);
            return json.get("points").get(0);
        }
    }
}

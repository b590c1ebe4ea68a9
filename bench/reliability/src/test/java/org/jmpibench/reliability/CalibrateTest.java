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
 * {@code calibrate} sees a slowdown planted on the suite's path: one point (mpj-smpdev, whose ranks are threads of
 * one JVM: the quickest job to start), three rounds, once as built and once with every timed operation of rank 0
 * stretched to twice its time ({@link PlantedSlowdown}). The planted run must be flagged (status 1, "OVER", verdict
 * "over" in the JSON) with a median ratio of at least 1.15 and above the unplanted one.
 *
 * <p>Why the plant is 100 %, not the 10-30 % the gate must find: a single smpdev fork at this size varies a lot
 * between rounds (suite / plain from 0.76 to 1.67 per round in one CI run and here, its two rank threads and
 * JMH's sharing two cores), so a 30 % plant was missed in one CI run of three rounds. The stretch is a fraction of
 * each operation's own duration, so it doubles the suite's side whatever the speed; the planted median stays under
 * 1.15 only if two of three rounds come out below 0.58 of the plain program, far outside anything seen. Finding
 * small slowdowns through noise is the A/B gate's job ({@code ab}, with its measured power), not this check's.
 * The unplanted run's own verdict is not asserted: that is the figure the lead measures on a quiet machine.
 */
class CalibrateTest {

    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final String BACKEND = "mpj-smpdev";

    @TempDir
    Path dir;

    @Test
    void aSlowdownPlantedOnTheSuitesPathIsFlagged() throws IOException {
        AvailableBackends.assumeAvailable(BACKEND);

        Calibration unplanted = calibrate("unplanted", Map.of());
        Calibration planted = calibrate("planted", Map.of(PlantedSlowdown.ENV, BACKEND + ":send:1.0"));

        assertThat(unplanted.point().get("verdict").asText()).as(unplanted.output).isIn("within", "over");
        assertThat(planted.status).as(planted.output).isEqualTo(1);
        assertThat(planted.output).contains("OVER 1.10").contains("calibrate: 1 of 1 points OVER 1.10: " + BACKEND);
        assertThat(planted.point().get("verdict").asText()).isEqualTo("over");
        double plantedMedian = planted.point().get("ratioMedian").asDouble();
        double unplantedMedian = unplanted.point().get("ratioMedian").asDouble();
        assertThat(plantedMedian).as(planted.output).isGreaterThanOrEqualTo(1.15);
        assertThat(plantedMedian).as("planted %s vs unplanted %s", planted.output, unplanted.output)
                .isGreaterThan(unplantedMedian);

        // The suite's runs are an ordinary run beside the table: one result, each round another fork.
        assertThat(ResultsFile.read(planted.results).results()).singleElement()
                .satisfies(result -> assertThat(result.primary().forks()).isEqualTo(3));
        assertThat(planted.json.get("results").asText()).isEqualTo(planted.results.getFileName().toString());
        assertThat(planted.point().get("rounds")).hasSize(3);
    }

    private Calibration calibrate(String name, Map<String, String> env) throws IOException {
        Path results = Files.createDirectories(dir.resolve(name));
        CliProcess.Result run = CliProcess.run(LIMIT, List.of(), env, "calibrate", "--backends", BACKEND, "--ops",
                "send", "--sizes", "1Ki", "--buffer", "array", "--rounds", "3", "--results-dir", results.toString());
        assertThat(run.status()).as("calibrate %s ran every job: %s", name, run).isIn(0, 1);
        assertThat(run.out()).as(run.toString()).doesNotContain("FAILED");
        try (var files = Files.list(results)) {
            Path table = files.filter(f -> f.toString().endsWith(RunFiles.CALIBRATION_SUFFIX)).findFirst()
                    .orElseThrow(() -> new AssertionError("no calibration table: " + run));
            Path json = table.resolveSibling(table.getFileName().toString().replace(RunFiles.CALIBRATION_SUFFIX,
                    RunFiles.RESULTS_SUFFIX));
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

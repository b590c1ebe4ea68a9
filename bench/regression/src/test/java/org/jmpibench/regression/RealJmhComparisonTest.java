package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.RealJmhRun;
import org.jmpibench.results.ResultsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate on what JMH itself writes ({@link RealJmhRun}), in all four modes; never on a measured figure. */
class RealJmhComparisonTest {

    @TempDir
    Path dir;

    @Test
    void aRunComparedWithItselfIsUnchangedAndExitsZero() {
        ComparisonReport report = Comparison.of(RealJmhRun.file(), RealJmhRun.file(), ComparisonOptions.defaults());

        assertThat(report.rows()).hasSize(RealJmhRun.RESULTS).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.UNCHANGED);
            assertThat(r.change()).isZero();
            assertThat(r.pValue()).isEqualTo(1.0);
        });
        assertThat(report.exitCode(true)).isZero();
    }

    /**
     * Scales every iteration by k = 1.5 * (slowest / fastest iteration of that benchmark): every slowed
     * iteration is then slower than every original one, whatever noise this machine put into the run, so the
     * verdict does not depend on the measured figures. Time goes up by k, throughput down by k. The JSON is
     * edited as a tree, like a file from elsewhere, to keep JMH's own layout.
     */
    @Test
    void theSameRunMadeSlowerIsARegressionInEveryMode() throws IOException {
        Map<String, Double> spreadByKey = new HashMap<>();
        for (BenchmarkResult b : ResultsFile.read(RealJmhRun.file()).results()) {
            double[] it = b.primary().iterationScores();
            spreadByKey.put(b.mode() + b.params(), Arrays.stream(it).max().orElseThrow()
                    / Arrays.stream(it).min().orElseThrow());
        }
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode root = (ArrayNode) mapper.readTree(RealJmhRun.file().toFile());
        for (JsonNode result : root) {
            JsonNode primary = result.get("primaryMetric");
            String key = result.get("mode").asText() + "{size=" + result.get("params").get("size").asText() + "}";
            double k = 1.5 * spreadByKey.get(key);
            double factor = result.get("mode").asText().equals("thrpt") ? 1 / k : k;
            JsonNode raw = primary.has("rawData") ? primary.get("rawData") : primary.get("rawDataHistogram");
            for (JsonNode fork : raw) {
                for (int i = 0; i < fork.size(); i++) {
                    if (fork.get(i).isArray()) {
                        for (JsonNode bucket : fork.get(i)) {
                            ((ArrayNode) bucket).set(0, DoubleNode.valueOf(bucket.get(0).asDouble() * factor));
                        }
                    } else {
                        ((ArrayNode) fork).set(i, DoubleNode.valueOf(fork.get(i).asDouble() * factor));
                    }
                }
            }
        }
        Path slower = Files.writeString(dir.resolve("slower.json"), mapper.writeValueAsString(root));

        ComparisonReport report = Comparison.of(RealJmhRun.file(), slower, ComparisonOptions.defaults());

        assertThat(report.rows()).hasSize(RealJmhRun.RESULTS)
                .allSatisfy(r -> assertThat(r.verdict()).as(r.key().toString()).isEqualTo(Verdict.REGRESSED));
    }
}

package org.jmpibench.harness.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jmpibench.harness.calibration.CalibrationTable.Round;
import org.jmpibench.harness.calibration.CalibrationTable.Verdict;
import org.jmpibench.harness.job.BufferKind;
import org.jmpibench.results.Operation;
import org.junit.jupiter.api.Test;

/** Medians, spreads and verdicts of the calibration table, and its JSON, from rounds of known figures. */
class CalibrationTableTest {

    private static final CalibrationPoint SEND =
            new CalibrationPoint("openmpi", 2, Operation.SEND, 16384, BufferKind.DIRECT);
    private static final CalibrationPoint BCAST =
            new CalibrationPoint("openmpi", 2, Operation.BCAST, 1, BufferKind.ARRAY);
    private static final CalibrationPoint GATHER =
            new CalibrationPoint("mpj-niodev", 2, Operation.GATHER, 1024, BufferKind.ARRAY);

    @Test
    void medianAndSpreadOfTheRatiosFlagTheMediansAboveTheGoal() throws IOException {
        CalibrationTable table = new CalibrationTable();
        table.record(SEND, new Round(10.0, 10.0, true, List.of()));
        table.record(SEND, new Round(13.0, 10.0, false, List.of()));
        table.record(SEND, new Round(12.0, 10.0, true, List.of()));
        table.record(BCAST, new Round(1.0, 1.0, false, List.of()));
        table.record(BCAST, new Round(2.0, 1.0, true, List.of()));
        table.record(BCAST, new Round(1.05, 1.0, false, List.of()));

        List<CalibrationTable.Row> rows = table.rows();
        assertThat(rows.get(0).ratioMedian()).isEqualTo(1.2);
        assertThat(rows.get(0).ratioMin()).isEqualTo(1.0);
        assertThat(rows.get(0).ratioMax()).isEqualTo(1.3);
        assertThat(rows.get(0).suiteMedianMicros()).isEqualTo(12.0);
        assertThat(rows.get(0).verdict()).isEqualTo(Verdict.OVER);
        assertThat(rows.get(1).ratioMedian())
                .as("one slow round does not flag a point")
                .isEqualTo(1.05);
        assertThat(rows.get(1).verdict()).isEqualTo(Verdict.WITHIN);
        assertThat(table.allWithin()).isFalse();
        assertThat(table.verdictLine())
                .isEqualTo("calibrate: 1 of 2 points OVER 1.10: openmpi np=2 send 16Ki direct " + "(1.20)");
        assertThat(table.render(3)).contains("OVER 1.10").contains("[1.000 - 1.300]");

        JsonNode json = new ObjectMapper().readTree(table.toJson("run", "run.json", 3, Map.of("measurementMs", 200)));
        assertThat(json.get("goal").asDouble()).isEqualTo(1.1);
        JsonNode send = json.get("points").get(0);
        assertThat(send.get("verdict").asText()).isEqualTo("over");
        assertThat(send.get("bytes").asLong()).isEqualTo(65536);
        assertThat(send.get("rounds").get(1).get("first").asText()).isEqualTo("plain");
    }

    @Test
    void aRoundWithoutAFigureFailsThePointAndIsNullInTheJson() throws IOException {
        CalibrationTable table = new CalibrationTable();
        table.record(GATHER, new Round(5.0, 5.0, true, List.of()));
        table.record(GATHER, new Round(Double.NaN, 5.0, false, List.of("suite: backend mpj-niodev: rank 1 died")));
        table.record(GATHER, new Round(5.0, 4.0, true, List.of()));

        CalibrationTable.Row row = table.rows().get(0);
        assertThat(row.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(row.ratioMedian()).as("of the rounds that ran").isEqualTo(1.125);
        assertThat(table.allWithin()).isFalse();
        assertThat(table.render(3)).contains("FAILED: suite: backend mpj-niodev: rank 1 died");
        assertThat(table.verdictLine()).endsWith("1 point(s) FAILED");

        JsonNode round = new ObjectMapper()
                .readTree(table.toJson("run", "run.json", 3, Map.of()))
                .get("points")
                .get(0)
                .get("rounds")
                .get(1);
        assertThat(round.get("suiteUs").isNull()).isTrue();
        assertThat(round.get("ratio").isNull()).isTrue();
        assertThat(round.get("failures").get(0).asText()).contains("rank 1 died");
    }
}

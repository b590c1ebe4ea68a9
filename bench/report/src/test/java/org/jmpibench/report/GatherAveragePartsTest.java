package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.ResultsFileBuilder;
import org.jmpibench.results.SecondaryMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/** gather-average beside its parts: the run's gather(N), the average phase and its bcast(2N); the phase chart. */
class GatherAveragePartsTest {
    @TempDir
    Path temp;

    @Test
    void setsTheCompositeBesideItsPartsFromTheSameRunAndStacksItsPhases() throws Exception {
        Path file = ResultsFileBuilder.file()
                .add(Operation.GATHER, new double[] {40, 40})
                .params("openmpi", 2, 1024)
                .param(Param.BUFFER, "array")
                .done()
                .add(Operation.BCAST, new double[] {50, 50})
                .params("openmpi", 2, 2048)
                .param(Param.BUFFER, "array")
                .done()
                .add(Operation.BCAST, new double[] {9, 9})
                .params("openmpi", 2, 1024)
                .param(Param.BUFFER, "array")
                .done()
                .add(Operation.GATHER, new double[] {7, 7})
                .params("openmpi", 2, 1024)
                .param(Param.BUFFER, "direct")
                .done()
                .add(Operation.GATHER_AVERAGE, new double[] {120, 120})
                .params("openmpi", 2, 1024)
                .param(Param.BUFFER, "array")
                .secondary(SecondaryMetric.GATHER_PHASE, new double[] {42, 42})
                .secondary(SecondaryMetric.AVERAGE_PHASE, new double[] {10, 10})
                .secondary(SecondaryMetric.BCAST_PHASE, new double[] {55, 55})
                .done()
                .add(Operation.ALLREDUCE_AVERAGE, new double[] {80, 80})
                .params("openmpi", 2, 1024)
                .param(Param.BUFFER, "array")
                .done()
                .add(Operation.GATHER_AVERAGE, new double[] {30, 30})
                .params("openmpi", 2, 1024)
                .param(Param.BUFFER, "direct")
                .done()
                .writeTo(temp.resolve("parts.json"));
        ReportData data = new ReportData(List.of(RunReader.read(file, "parts")));

        List<GatherAverageParts> rows = GatherAverageParts.of(data);

        assertThat(rows).hasSize(2);
        GatherAverageParts array = rows.get(0);
        assertThat(array.gather().orElseThrow().time().score()).isEqualTo(40.0);
        assertThat(array.bcast().orElseThrow().sizeElements())
                .as("the averages' bytes: 2N ints")
                .hasValue(2048);
        assertThat(array.parts()).isCloseTo(40 + 10 + 50, offset(1e-9));
        assertThat(array.ratio()).isCloseTo(1.2, offset(1e-9));
        assertThat(array.phaseSum()).isCloseTo(107, offset(1e-9));
        assertThat(array.allreduceAverage().orElseThrow().time().score()).isEqualTo(80.0);
        assertThat(array.ratioToAllreduceAverage()).isCloseTo(1.5, offset(1e-9));
        GatherAverageParts direct = rows.get(1);
        assertThat(direct.gather()).as("the direct series' own gather").isPresent();
        assertThat(direct.bcast()).as("no bcast of 2N direct in this run").isEmpty();
        assertThat(direct.parts()).isNaN();
        assertThat(direct.hasPhases()).isFalse();
        assertThat(direct.ratioToAllreduceAverage())
                .as("no direct allreduce-average in this run")
                .isNaN();

        List<ReportChart> charts = PhaseChart.draw(data);
        assertThat(charts).extracting(ReportChart::fileStem).containsExactly("phases_gather-average_np2_size1024");
        CategoryChart chart = (CategoryChart) charts.get(0).chart();
        assertThat(chart.getSeriesMap().keySet())
                .containsExactly("gather phase", "average phase", "bcast phase", "score (JMH, rank 0)");
        CategorySeries gather = chart.getSeriesMap().get("gather phase");
        assertThat(gather.getXData().stream().map(String::valueOf))
                .containsExactly("openmpi: phases", "openmpi: score");
        assertThat(gather.getYData().stream().map(Number::doubleValue)).containsExactly(42.0, 0.0);
        assertThat(chart.getSeriesMap().get("score (JMH, rank 0)").getYData().stream()
                        .map(Number::doubleValue))
                .containsExactly(0.0, 120.0);

        Path out = temp.resolve("out");
        Fixtures.Outcome outcome = Fixtures.plot("--out", out.toString(), file.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        String page = Files.readString(out.resolve("index.html"));
        assertThat(page)
                .contains("gather-average beside its parts")
                .contains("<td data-v=\"1.2\">1.2</td>")
                .contains("score / allreduce-average")
                .contains("<td data-v=\"1.5\">1.5</td>")
                .contains("phases_gather-average_np2_size1024.png");
    }
}

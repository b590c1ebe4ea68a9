package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The history's trend chart: both files, a label per run, levels within the runs' x values. */
class TrendChartTest {
    @TempDir
    Path dir;

    private static List<TrendChart.Point> points() {
        List<TrendChart.Point> points = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            points.add(new TrendChart.Point(String.format("c%07d", i), i < 6 ? 10 : 12.5));
        }
        return points;
    }

    @Test
    void writesPngAndSvg() throws Exception {
        TrendChart.write(
                dir,
                "trend-001",
                "PingPong.send backend=shm",
                "score (us/op)",
                points(),
                List.of(6),
                List.of(10.0, 12.5));

        assertThat(dir.resolve("trend-001.png")).isRegularFile();
        assertThat(dir.resolve("trend-001.svg")).isRegularFile();
    }

    @Test
    void everyRunHasItsLabelAndTheLevelsStayWithinTheRuns() {
        List<TrendChart.Point> points = points();
        XYChart chart = TrendChart.draw("t", "y", points, List.of(6), List.of(10.0, 12.5));

        assertThat(TrendChart.label(points, 3.0)).isEqualTo("c0000003");
        assertThat(TrendChart.label(points, 3.5)).isEmpty();
        assertThat(TrendChart.label(points, 12.0)).isEmpty();
        // A series beyond 0 .. n-1 moves XChart's ticks off the whole runs, and every label vanishes.
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double x : series.getXData()) {
                assertThat(x).isBetween(0.0, 11.0);
            }
        }
        assertThat(chart.getSeriesMap().get("segment level").getYData()).containsExactly(10.0, 10.0);
        assertThat(chart.getSeriesMap().get("segment level 2").getXData()).containsExactly(6.0, 11.0);
    }
}

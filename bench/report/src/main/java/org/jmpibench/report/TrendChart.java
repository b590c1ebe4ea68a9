package org.jmpibench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A benchmark's score across runs in commit order ({@code jmpi-bench history}): one point per run, the level of each
 * segment between change points as a flat line, and each change point as a dashed vertical line ({@link ChartStyle}
 * gives them their look). The x axis counts runs; its labels are the runs' short commits.
 *
 * <p>How to read it: lower is faster for times; a step in the flat lines is a change the detector found significant, a
 * point far from its segment's line is noise it did not.
 */
public final class TrendChart {
    /**
     * One run's value.
     *
     * @param label what the x axis says under it (a short commit)
     * @param value the run's score
     */
    public record Point(String label, double value) {}

    private TrendChart() {}

    /**
     * Draws the chart and writes {@code <fileStem>.png} and {@code .svg} into {@code directory}.
     *
     * @param changes indexes of {@code points} where a new segment starts
     * @param levels each segment's level, in order: one more than {@code changes}
     */
    public static void write(
            Path directory,
            String fileStem,
            String title,
            String yAxisTitle,
            List<Point> points,
            List<Integer> changes,
            List<Double> levels)
            throws IOException {
        ChartFiles.write(
                new ReportChart(fileStem, "history", title, draw(title, yAxisTitle, points, changes, levels)),
                directory);
    }

    /** The chart itself. */
    static XYChart draw(
            String title, String yAxisTitle, List<Point> points, List<Integer> changes, List<Double> levels) {
        XYChart chart = ChartStyle.newChart(title, "run (commit order)", yAxisTitle, false);
        chart.getStyler().setLegendVisible(true);
        chart.setCustomXAxisTickLabelsFormatter(x -> label(points, x));
        // Commits read upwards under their runs; XChart leaves out every label when horizontal ones would overlap.
        // The series stay within the runs' x values (0 .. n-1): ticks then fall on whole runs.
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setXAxisTickMarkSpacingHint(16);
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = i;
            ys[i] = points.get(i).value();
        }
        XYSeries runs = chart.addSeries("runs", xs, ys);
        ChartStyle.trendPoints(runs);
        int start = 0;
        for (int s = 0; s < levels.size(); s++) {
            int end = s < changes.size() ? changes.get(s) : points.size();
            XYSeries level = chart.addSeries(
                    s == 0 ? "segment level" : "segment level " + (s + 1),
                    new double[] {start, end - 1},
                    new double[] {levels.get(s), levels.get(s)});
            ChartStyle.trendLevel(level);
            level.setShowInLegend(s == 0);
            start = end;
        }
        for (int change : changes) {
            AnnotationLine line = new AnnotationLine(change - 0.5, true, false);
            chart.addAnnotation(line);
        }
        ChartStyle.changePoints(chart);
        return chart;
    }

    /** The label of the run at {@code x}, for whole x within the runs; nothing between them. */
    static String label(List<Point> points, double x) {
        long i = Math.round(x);
        return Math.abs(x - i) < 1e-9 && i >= 0 && i < points.size()
                ? points.get((int) i).label()
                : "";
    }
}

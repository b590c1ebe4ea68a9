package org.jmpibench.report;

import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Adds one line to a chart over the chart's shared x values, leaving a gap (NaN, which XChart skips and which breaks
 * the line) wherever the series has no result: a failed job must never look like a zero or be bridged over. Values that
 * a log axis cannot show (zero, negative, NaN) become gaps too.
 */
final class GappedSeries {
    /** One point: a value and the half-width of its error bar (NaN when unknown). */
    record Point(double value, double halfWidth) {}

    private GappedSeries() {}

    /**
     * Adds the series, or nothing when none of its points can be drawn.
     *
     * @param xs the chart's x values, ascending, shared by all its series
     * @param points this series' points by x value
     * @return the added series, or {@code null} when nothing was drawable
     */
    static XYSeries addTo(XYChart chart, String name, double[] xs, Map<Double, Point> points) {
        double[] ys = new double[xs.length];
        double[] errorBars = new double[xs.length];
        boolean anyDrawable = false;
        for (int i = 0; i < xs.length; i++) {
            Point point = points.get(xs[i]);
            if (point == null || !Double.isFinite(point.value()) || point.value() <= 0) {
                ys[i] = Double.NaN;
                errorBars[i] = 0;
            } else {
                ys[i] = point.value();
                errorBars[i] = LogAxisErrorBars.drawable(point.value(), point.halfWidth());
                anyDrawable = true;
            }
        }
        return anyDrawable ? chart.addSeries(name, xs, ys, errorBars) : null;
    }
}

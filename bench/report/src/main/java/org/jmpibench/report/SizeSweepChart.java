package org.jmpibench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Time per operation against message size in bytes, log-log: one chart per operation and rank count, one line per
 * series (backend, buffer kind, run; styled by {@link ChartStyle}), error bars from JMH's 99.9% confidence interval,
 * and the slowest rank's time as a thin pale line of the same series where the benchmark reports it.
 *
 * <p>How to read it: lower is faster. The flat left part is latency (fixed cost per operation), the rising right part
 * is bandwidth-bound (slope 1 on log-log means time proportional to size). A gap in a line is a combination that has no
 * result (its job failed or was not run).
 */
final class SizeSweepChart {
    private SizeSweepChart() {}

    static List<ReportChart> draw(ReportData data) {
        List<ReportChart> charts = new ArrayList<>();
        for (String operation : data.operations()) {
            List<Measurement> sized = Sweeps.withSizeAndRanks(data.of(operation));
            for (int ranks : Sweeps.distinctRanks(sized)) {
                List<Measurement> subset = Sweeps.withRanks(sized, ranks);
                ReportChart chart = drawOne(data, operation, ranks, subset);
                if (chart != null) {
                    charts.add(chart);
                }
            }
        }
        return charts;
    }

    private static ReportChart drawOne(ReportData data, String operation, int ranks, List<Measurement> subset) {
        boolean send = ReportData.perMessage(operation);
        String title = send
                ? "send: one-way time per message vs size (half round trip), np=" + ranks
                : operation + ": time per operation vs size, np=" + ranks;
        String yTitle = send ? "one-way time per message (\u00b5s)" : "time per operation (\u00b5s)";
        XYChart chart = ChartStyle.newChart(title, Sweeps.SIZE_AXIS_TITLE, yTitle, true);
        ChartStyle.bytesOnX(chart);
        double[] sizes = Sweeps.sizePositions(subset);
        List<SeriesKey> keys = data.keysOf(subset);
        Map<SeriesKey, String> labels = data.labelsFor(keys);
        boolean anySeries = false;
        for (SeriesKey key : keys) {
            Map<Double, GappedSeries.Point> times = new LinkedHashMap<>();
            Map<Double, GappedSeries.Point> slowest = new LinkedHashMap<>();
            for (Measurement m : subset) {
                if (!data.keyOf(m).equals(key)) {
                    continue;
                }
                double size = ChartStyle.bytesX(m.sizeElements().getAsLong());
                times.put(
                        size, new GappedSeries.Point(m.time().score(), m.time().scoreError()));
                m.slowest().ifPresent(s -> slowest.put(size, new GappedSeries.Point(s.score(), s.scoreError())));
            }
            XYSeries line = GappedSeries.addTo(chart, labels.get(key), sizes, times);
            if (line != null) {
                ChartStyle.primary(line, data.styleOf(key));
                anySeries = true;
            }
            if (!slowest.isEmpty()) {
                XYSeries pale = GappedSeries.addTo(chart, labels.get(key) + " (slowest rank)", sizes, slowest);
                if (pale != null) {
                    ChartStyle.slowestRank(pale, data.styleOf(key));
                    anySeries = true;
                }
            }
        }
        if (!anySeries) {
            return null;
        }
        ChartStyle.labelLogYAxis(chart);
        String caption = (send
                        ? "One-way time per message (half the ping-pong round trip) against message size, " + ranks
                                + " ranks."
                        : "Time per " + operation + " against message size, " + ranks + " ranks"
                                + " (bold: rank 0, which JMH times; thin and pale: the slowest rank).")
                + " Log-log, sizes in bytes; lower is faster; error bars: JMH's 99.9% confidence interval; gaps: no result."
                + ReportData.styleNote(data);
        return new ReportChart("time-vs-size_" + operation + "_np" + ranks, operation, caption, chart);
    }
}

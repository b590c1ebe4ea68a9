package org.jmpibench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmpibench.results.Metric;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Bandwidth of the operations whose time is one message's (send) against message size, log-log, one chart per operation
 * and rank count, one line per series, sizes in bytes. Bandwidth is {@code bytes / one-way time}, in MB/s (10^6 bytes
 * per second), as OSU's {@code osu_bw} reports it but derived from the latency test (one message in flight, no window).
 *
 * <p>Error bars come from the time's confidence interval turned into bandwidth; that interval is not symmetric, so the
 * bar shows the larger of its two halves (conservative). How to read it: higher is better; the curve flattens where the
 * transport's bandwidth is reached.
 */
final class BandwidthChart {
    private BandwidthChart() {}

    static List<ReportChart> draw(ReportData data) {
        List<ReportChart> charts = new ArrayList<>();
        for (String operation : data.operations()) {
            if (!ReportData.perMessage(operation)) {
                continue;
            }
            List<Measurement> sized = Sweeps.withSizeAndRanks(data.of(operation));
            for (int ranks : Sweeps.distinctRanks(sized)) {
                ReportChart chart = drawOne(data, operation, ranks, Sweeps.withRanks(sized, ranks));
                if (chart != null) {
                    charts.add(chart);
                }
            }
        }
        return charts;
    }

    private static ReportChart drawOne(ReportData data, String operation, int ranks, List<Measurement> subset) {
        XYChart chart = ChartStyle.newChart(
                operation + ": bandwidth vs size (from one-way time), np=" + ranks,
                Sweeps.SIZE_AXIS_TITLE,
                "bandwidth (MB/s, 10^6 bytes/s)",
                true);
        ChartStyle.bytesOnX(chart);
        double[] sizes = Sweeps.sizePositions(subset);
        List<SeriesKey> keys = data.keysOf(subset);
        Map<SeriesKey, String> labels = data.labelsFor(keys);
        boolean anySeries = false;
        for (SeriesKey key : keys) {
            Map<Double, GappedSeries.Point> points = new LinkedHashMap<>();
            for (Measurement m : subset) {
                if (data.keyOf(m).equals(key)) {
                    m.bandwidthMBps()
                            .ifPresent(bandwidth -> points.put(
                                    ChartStyle.bytesX(m.sizeElements().getAsLong()),
                                    new GappedSeries.Point(bandwidth, halfWidth(m, bandwidth))));
                }
            }
            XYSeries line = GappedSeries.addTo(chart, labels.get(key), sizes, points);
            if (line != null) {
                ChartStyle.primary(line, data.styleOf(key));
                anySeries = true;
            }
        }
        if (!anySeries) {
            return null;
        }
        ChartStyle.labelLogYAxis(chart);
        String caption = "Bandwidth of one message in flight (bytes / one-way time) against message size in bytes, "
                + ranks
                + " ranks. Log-log; higher is better; error bars: the larger half of the 99.9% interval turned into"
                + " bandwidth; gaps: no result." + ReportData.styleNote(data);
        return new ReportChart("bandwidth-vs-size_" + operation + "_np" + ranks, operation, caption, chart);
    }

    /** The larger distance from the bandwidth to the bandwidths at the time interval's ends. */
    static double halfWidth(Measurement m, double bandwidth) {
        double bytes = m.sizeBytes().getAsLong();
        Metric time = m.time();
        if (!(time.confidenceLow() > 0) || !Double.isFinite(time.confidenceHigh())) {
            // a lower time end at or below zero means an unbounded bandwidth: say "very uncertain" with a full bar
            return Double.isFinite(time.scoreError()) ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        double atUpperTime = bytes / time.confidenceHigh();
        double atLowerTime = bytes / time.confidenceLow();
        return Math.max(bandwidth - atUpperTime, atLowerTime - bandwidth);
    }
}

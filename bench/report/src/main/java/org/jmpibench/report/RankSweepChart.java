package org.jmpibench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Sizes;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Time per operation against the number of ranks at one message size: one chart per operation and size (for each size
 * measured with at least two rank counts), one line per series, log time axis, the slowest rank thin and pale. Not for
 * an operation between two ranks (send): the others idle, so the rank count says nothing about it.
 *
 * <p>How to read it: how an operation scales with the job's size. A tree-shaped broadcast grows like log(np); a gather
 * to one root grows at least linearly; on this 2-core machine anything above 2 ranks also measures oversubscription.
 */
final class RankSweepChart {
    private RankSweepChart() {}

    static List<ReportChart> draw(ReportData data) {
        List<ReportChart> charts = new ArrayList<>();
        for (String operation : data.operations()) {
            if (ReportData.known(operation)
                    .map(op -> op.shape() == Operation.Shape.PAIR)
                    .orElse(false)) {
                continue;
            }
            List<Measurement> withRanks = data.of(operation).stream()
                    .filter(m -> m.ranks().isPresent() && m.sizeElements().isPresent())
                    .collect(Collectors.toList());
            for (long size : Sweeps.distinctSizeSet(withRanks)) {
                List<Measurement> subset = Sweeps.withSize(withRanks, size);
                if (Sweeps.distinctRanks(subset).size() < 2) {
                    continue; // one rank count is a point, not a trend; the size chart shows it already
                }
                ReportChart chart = drawOne(data, operation, size, subset);
                if (chart != null) {
                    charts.add(chart);
                }
            }
        }
        return charts;
    }

    private static ReportChart drawOne(ReportData data, String operation, long size, List<Measurement> subset) {
        boolean send = ReportData.perMessage(operation);
        String title = operation + ": time vs ranks at " + Sizes.formatBytes(Sizes.bytes(size)) + " ("
                + Sizes.format(size) + " ints)";
        String yTitle = send ? "one-way time per message (\u00b5s)" : "time per operation (\u00b5s)";
        XYChart chart = ChartStyle.newChart(title, "ranks (np)", yTitle, true);
        ChartStyle.integersOnX(chart);
        TreeSet<Integer> rankSet = Sweeps.distinctRanks(subset);
        double[] ranks = rankSet.stream().mapToDouble(Integer::doubleValue).toArray();
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
                double np = m.ranks().getAsInt();
                times.put(np, new GappedSeries.Point(m.time().score(), m.time().scoreError()));
                m.slowest().ifPresent(s -> slowest.put(np, new GappedSeries.Point(s.score(), s.scoreError())));
            }
            XYSeries line = GappedSeries.addTo(chart, labels.get(key), ranks, times);
            if (line != null) {
                ChartStyle.primary(line, data.styleOf(key));
                anySeries = true;
            }
            if (!slowest.isEmpty()) {
                XYSeries pale = GappedSeries.addTo(chart, labels.get(key) + " (slowest rank)", ranks, slowest);
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
        String caption = "Time per " + operation + " against the number of ranks at "
                + Sizes.formatBytes(Sizes.bytes(size))
                + " (" + Sizes.format(size) + " ints). Log time axis; lower is faster; thin and pale: the slowest rank;"
                + " gaps: no result." + ReportData.styleNote(data);
        return new ReportChart("time-vs-ranks_" + operation + "_size" + size, operation, caption, chart);
    }
}

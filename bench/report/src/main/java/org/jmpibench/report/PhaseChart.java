package org.jmpibench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jmpibench.results.Operation;
import org.jmpibench.results.SecondaryMetric;
import org.jmpibench.results.Sizes;
import org.knowm.xchart.CategoryChart;

/**
 * Where gather-average's time goes: one chart per rank count and size, two bars per series (backend, buffer kind): its
 * three phases as rank 0 timed them, stacked, and beside them the composite score JMH measured. Stacked bars need a
 * linear axis, so each size gets its own chart (a 1 Mi gather and a 1-int one share no useful scale).
 *
 * <p>How to read it: the stack should be as tall as the score; a taller score means time the phases do not account for.
 * The tallest segment is what to make faster.
 */
final class PhaseChart {
    private static final String SCORE = "score (JMH, rank 0)";

    private PhaseChart() {}

    static List<ReportChart> draw(ReportData data) {
        List<GatherAverageParts> rows = GatherAverageParts.of(data).stream()
                .filter(GatherAverageParts::hasPhases)
                .toList();
        Map<Integer, Map<Long, List<GatherAverageParts>>> byRanksAndSize = new TreeMap<>();
        for (GatherAverageParts row : rows) {
            byRanksAndSize
                    .computeIfAbsent(row.composite().ranks().getAsInt(), np -> new TreeMap<>())
                    .computeIfAbsent(row.composite().sizeElements().getAsLong(), size -> new ArrayList<>())
                    .add(row);
        }
        List<ReportChart> charts = new ArrayList<>();
        byRanksAndSize.forEach(
                (np, bySize) -> bySize.forEach((size, subset) -> charts.add(drawOne(data, np, size, subset))));
        return charts;
    }

    private static ReportChart drawOne(ReportData data, int np, long size, List<GatherAverageParts> subset) {
        String operation = GatherAverageParts.COMPOSITE.cliName();
        String bytes = Sizes.formatBytes(Sizes.bytes(size));
        String title = operation + " phases at rank 0, np=" + np + ", " + bytes + " per rank";
        CategoryChart chart =
                ChartStyle.newStackedBars(title, "series: phases stacked | score", "time per operation (\u00b5s)");

        Map<SeriesKey, String> labels = data.labelsFor(
                data.keysOf(subset.stream().map(GatherAverageParts::composite).toList()));
        List<String> categories = new ArrayList<>();
        List<SecondaryMetric> phases = Operation.GATHER_AVERAGE.phases();
        List<List<Double>> phaseValues = new ArrayList<>();
        phases.forEach(phase -> phaseValues.add(new ArrayList<>()));
        List<Double> scores = new ArrayList<>();
        for (GatherAverageParts row : subset) {
            String label = labels.get(data.keyOf(row.composite()));
            categories.add(label + ": phases");
            categories.add(label + ": score");
            for (int i = 0; i < phases.size(); i++) {
                double value = row.phase(phases.get(i));
                phaseValues.get(i).add(Double.isFinite(value) ? value : 0.0);
                phaseValues.get(i).add(0.0);
            }
            scores.add(0.0);
            scores.add(row.composite().time().score());
        }
        for (int i = 0; i < phases.size(); i++) {
            ChartStyle.part(chart.addSeries(phases.get(i).label(), categories, phaseValues.get(i)), i);
        }
        ChartStyle.total(chart.addSeries(SCORE, categories, scores));
        String caption = "Where " + operation + "'s time goes at " + np + " ranks, " + bytes + " (" + Sizes.format(size)
                + " ints) per rank: per series, rank 0's gather, average and bcast phases stacked (timed in a loop after "
                + "each measurement iteration), and beside them the score JMH measured. A score taller than its stack is "
                + "time no phase accounts for.";
        return new ReportChart("phases_" + operation + "_np" + np + "_size" + size, operation, caption, chart);
    }
}

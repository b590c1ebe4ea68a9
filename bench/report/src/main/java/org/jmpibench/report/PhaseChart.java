package org.jmpibench.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jmpibench.results.Operation;
import org.jmpibench.results.SecondaryMetric;
import org.jmpibench.results.Sizes;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * Where gather-average's time goes: one chart per rank count and size, two bars per series (backend, buffer kind):
 * its three phases as rank 0 timed them, stacked, and beside them the composite score JMH measured. Stacked bars
 * need a linear axis, so each size gets its own chart (a 1 Mi gather and a 1-int one share no useful scale).
 *
 * <p>How to read it: the stack should be as tall as the score; a taller score means time the phases do not
 * account for. The tallest segment is what to make faster.
 */
final class PhaseChart {
  private static final Color[] PHASE_COLORS = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F)};
  private static final Color SCORE_COLOR = new Color(0x9C9C9C);
  private static final String SCORE = "score (JMH, rank 0)";

  private PhaseChart() {}

  static List<ReportChart> draw(ReportData data) {
    List<GatherAverageParts> rows = GatherAverageParts.of(data).stream().filter(GatherAverageParts::hasPhases)
        .toList();
    Map<Integer, Map<Long, List<GatherAverageParts>>> byRanksAndSize = new TreeMap<>();
    for (GatherAverageParts row : rows) {
      byRanksAndSize.computeIfAbsent(row.composite().ranks().getAsInt(), np -> new TreeMap<>())
          .computeIfAbsent(row.composite().sizeElements().getAsLong(), size -> new ArrayList<>()).add(row);
    }
    List<ReportChart> charts = new ArrayList<>();
    byRanksAndSize.forEach((np, bySize) -> bySize.forEach((size, subset) ->
        charts.add(drawOne(data, np, size, subset))));
    return charts;
  }

  private static ReportChart drawOne(ReportData data, int np, long size, List<GatherAverageParts> subset) {
    String operation = GatherAverageParts.COMPOSITE.cliName();
    String title = operation + " phases at rank 0, np=" + np + ", size " + Sizes.format(size) + " ("
        + Bytes.humanReadable(Sizes.bytes(size)) + " per rank)";
    CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH_PX).height(ChartStyle.HEIGHT_PX)
        .title(title).xAxisTitle("series: phases stacked | score").yAxisTitle("time per operation (\u00b5s)")
        .build();
    CategoryStyler styler = chart.getStyler();
    styler.setLocale(Locale.ROOT);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotGridLinesColor(new Color(0xDDDDDD));
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setStacked(true);
    styler.setOverlapped(false);
    styler.setXAxisLabelRotation(20);
    styler.setYAxisDecimalPattern("#,##0.###");

    Map<SeriesKey, String> labels =
        data.labelsFor(data.keysOf(subset.stream().map(GatherAverageParts::composite).toList()));
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
      CategorySeries series = chart.addSeries(phases.get(i).label(), categories, phaseValues.get(i));
      series.setFillColor(PHASE_COLORS[i % PHASE_COLORS.length]);
    }
    chart.addSeries(SCORE, categories, scores).setFillColor(SCORE_COLOR);
    String caption = "Where " + operation + "'s time goes at " + np + " ranks, " + Sizes.format(size)
        + " ints per rank: per series, rank 0's gather, average and bcast phases stacked (timed in a loop after "
        + "each measurement iteration), and beside them the score JMH measured. A score taller than its stack is "
        + "time no phase accounts for.";
    return new ReportChart("phases_" + operation + "_np" + np + "_size" + size, operation, caption, chart);
  }
}

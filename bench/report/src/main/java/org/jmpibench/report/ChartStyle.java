package org.jmpibench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look every chart shares: size, white background, legend beside the plot, log axes with plain numbers, error
 * bars in the series' colour, and the two line kinds (rank 0's time solid, the slowest rank's dashed).
 */
final class ChartStyle {
  /** Pixel size of every PNG; the SVGs have the same view box. */
  static final int WIDTH_PX = 1000;

  static final int HEIGHT_PX = 600;

  private static final BasicStroke DASHED = new BasicStroke(
      1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10.0f, new float[] {7f, 5f}, 0.0f);

  private ChartStyle() {}

  static XYChart newChart(String title, String xAxisTitle, String yAxisTitle, boolean logX, boolean logY) {
    XYChart chart = new XYChartBuilder().width(WIDTH_PX).height(HEIGHT_PX)
        .title(title).xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
    XYStyler styler = chart.getStyler();
    styler.setLocale(Locale.ROOT);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotGridLinesColor(new Color(0xDDDDDD));
    styler.setPlotBorderColor(new Color(0x999999));
    // beside the plot, one series per line: XChart does not wrap a horizontal legend, long labels got cut off
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setLegendLayout(Styler.LegendLayout.Vertical);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setMarkerSize(7);
    styler.setErrorBarsColorSeriesColor(true);
    styler.setXAxisLogarithmic(logX);
    styler.setYAxisLogarithmic(logY);
    // plain numbers on log axes (XChart's default switches to 1E3 notation above 1000)
    styler.setXAxisDecimalPattern(logX ? "#,##0" : "#,##0.##");
    styler.setYAxisDecimalPattern("#,##0.###");
    return chart;
  }

  /** Rank 0's (or the only) measurement of a series: solid line, round markers. */
  static void primary(XYSeries series, Color color) {
    series.setLineColor(color);
    series.setMarkerColor(color);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setLineStyle(new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
  }

  /** The slowest rank's time of the same series: same colour, dashed, diamond markers. */
  static void slowestRank(XYSeries series, Color color) {
    series.setLineColor(color);
    series.setMarkerColor(color);
    series.setMarker(SeriesMarkers.DIAMOND);
    series.setLineStyle(DASHED);
  }
}

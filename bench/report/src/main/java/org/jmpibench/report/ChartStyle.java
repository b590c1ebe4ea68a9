package org.jmpibench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmpibench.results.Sizes;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look of every chart, the one owner of it: size, background, legend, axes, and how a series shows what it stands
 * for. A <b>backend</b> always has the same colour, in every chart and every report (ours a fixed one, any other one
 * picked from its name); a <b>run</b> has a line style (the first solid, then dashed, dotted, dash-dot), so the lines
 * of one backend in two runs pair up by colour; a <b>variant</b> of a backend (buffer kind, idle strategy, JDK, jobs
 * across hosts) has a marker shape. The slowest rank's time of a collective is a thin pale line of its series' colour
 * and style, without a legend entry of its own. The <b>parts</b> of a stacked bar (gather-average's phases) are greys,
 * dark to light, so that no part passes for a backend, beside their total in near-black. A trend ({@code history}) has
 * its runs' points, its segments' levels and its change points, each in a colour of its own.
 *
 * <p>Message sizes are drawn in bytes: the x axis is log2(bytes) on a linear scale, so ticks fall on powers of two and
 * read 4 B, 1 KiB, 4 MiB ({@link #bytesOnX}).
 */
final class ChartStyle {
    /** Pixel size of every PNG; the SVGs have the same view box. */
    static final int WIDTH_PX = 1000;

    static final int HEIGHT_PX = 600;

    /** Our backends' colours (Tableau 10, the most distinct first). */
    private static final Map<String, Color> BACKEND_COLORS = Map.of(
            "loopback",
            new Color(0x4E79A7),
            "shm",
            new Color(0xE15759),
            "openmpi",
            new Color(0x59A14F),
            "mpj-niodev",
            new Color(0xF28E2B),
            "mpj-smpdev",
            new Color(0xB07AA1),
            "tcp",
            new Color(0x76B7B2));

    /** Colours for any other backend, picked by its name: the rest of Tableau 10. */
    private static final List<Color> OTHER_COLORS =
            List.of(new Color(0x9C755F), new Color(0xFF9DA7), new Color(0xEDC948), new Color(0xBAB0AC));

    /** Line styles of the first, second, third... run drawn in one chart, with the names captions give them. */
    private static final List<float[]> RUN_DASHES =
            List.of(new float[0], new float[] {9f, 5f}, new float[] {2f, 4f}, new float[] {9f, 4f, 2f, 4f});

    private static final List<String> RUN_LINE_NAMES = List.of("solid", "dashed", "dotted", "dash-dot");

    private static final List<Marker> VARIANT_MARKERS = List.of(
            SeriesMarkers.CIRCLE,
            SeriesMarkers.SQUARE,
            SeriesMarkers.TRIANGLE_UP,
            SeriesMarkers.DIAMOND,
            SeriesMarkers.TRIANGLE_DOWN);

    /** Stacked parts, bottom to top, and the total beside them. */
    private static final List<Color> PART_COLORS =
            List.of(new Color(0x6E6E6E), new Color(0xA3A3A3), new Color(0xD4D4D4));

    private static final Color TOTAL_COLOR = new Color(0x252525);

    /** A trend's points, its segments' levels and its change points. */
    private static final Color TREND_POINTS = new Color(0x1F77B4);

    private static final Color TREND_LEVEL = new Color(0xFF7F0E);
    private static final Color TREND_CHANGE = new Color(0xD62728);

    private static final float LINE_WIDTH = 2.0f;
    private static final float SLOWEST_RANK_LINE_WIDTH = 1.2f;
    private static final int SLOWEST_RANK_ALPHA = 0x90;

    /** How one series looks: its backend's colour, its run's line, its variant's marker. */
    record SeriesStyle(Color color, float[] dash, Marker marker) {}

    private ChartStyle() {}

    /** The colour of a backend, the same in every chart and every report. */
    static Color colorOf(String backend) {
        Color ours = BACKEND_COLORS.get(backend);
        return ours != null ? ours : OTHER_COLORS.get(Math.floorMod(backend.hashCode(), OTHER_COLORS.size()));
    }

    /**
     * The style of a series.
     *
     * @param runIndex which of the runs drawn together it belongs to, from 0
     * @param variantIndex which variant of its backend (buffer kind, idle strategy...), from 0
     */
    static SeriesStyle styleOf(String backend, int runIndex, int variantIndex) {
        return new SeriesStyle(
                colorOf(backend),
                RUN_DASHES.get(runIndex % RUN_DASHES.size()),
                VARIANT_MARKERS.get(variantIndex % VARIANT_MARKERS.size()));
    }

    /** What a caption calls the line style of run {@code runIndex}. */
    static String runLineName(int runIndex) {
        return RUN_LINE_NAMES.get(runIndex % RUN_LINE_NAMES.size());
    }

    /** A chart with a linear x axis and a logarithmic or linear y axis, and the shared look. */
    static XYChart newChart(String title, String xAxisTitle, String yAxisTitle, boolean logY) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH_PX)
                .height(HEIGHT_PX)
                .title(title)
                .xAxisTitle(xAxisTitle)
                .yAxisTitle(yAxisTitle)
                .build();
        XYStyler styler = chart.getStyler();
        shared(styler);
        styler.setMarkerSize(7);
        styler.setErrorBarsColorSeriesColor(true);
        styler.setYAxisLogarithmic(logY);
        return chart;
    }

    /**
     * A chart of stacked bars on a linear y axis (stacked bars need one), one bar per category, and the shared look;
     * {@link #part} and {@link #total} colour its series.
     */
    static CategoryChart newStackedBars(String title, String xAxisTitle, String yAxisTitle) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH_PX)
                .height(HEIGHT_PX)
                .title(title)
                .xAxisTitle(xAxisTitle)
                .yAxisTitle(yAxisTitle)
                .build();
        CategoryStyler styler = chart.getStyler();
        shared(styler);
        styler.setStacked(true);
        styler.setOverlapped(false);
        // the categories are series labels, often long
        styler.setXAxisLabelRotation(20);
        return chart;
    }

    /** The look every chart shares: background, grid, border, legend, plain numbers on the y axis. */
    private static void shared(AxesChartStyler styler) {
        styler.setLocale(Locale.ROOT);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xDDDDDD));
        // solid: a dashed grid line becomes hundreds of little shapes in an SVG
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setPlotBorderColor(new Color(0x999999));
        // beside the plot, one series per line: XChart does not wrap a horizontal legend, long labels got cut off
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setLegendBorderColor(Color.WHITE);
        // plain numbers, also on log axes (XChart's default switches to 1E3 notation above 1000)
        styler.setYAxisDecimalPattern("#,##0.###");
    }

    /** Part {@code index} (from the bottom) of a stacked bar. */
    static void part(CategorySeries series, int index) {
        series.setFillColor(PART_COLORS.get(index % PART_COLORS.size()));
    }

    /** The total a stacked bar stands beside. */
    static void total(CategorySeries series) {
        series.setFillColor(TOTAL_COLOR);
    }

    /** Where a message of {@code elements} elements sits on an x axis of {@link #bytesOnX}. */
    static double bytesX(long elements) {
        return Math.log(Sizes.bytes(elements)) / Math.log(2);
    }

    /** An x axis of message sizes in bytes: log2 positions, ticks only on whole powers of two, 4 B ... 4 MiB. */
    static void bytesOnX(XYChart chart) {
        chart.getStyler()
                .setxAxisTickLabelsFormattingFunction(
                        x -> x == Math.rint(x) && x >= 0 && x < 62 ? Sizes.formatBytes(1L << Math.round(x)) : "");
    }

    /** An x axis of whole numbers (rank counts): a tick at 2.5 ranks means nothing. */
    static void integersOnX(XYChart chart) {
        chart.getStyler()
                .setxAxisTickLabelsFormattingFunction(x -> x == Math.rint(x) ? String.valueOf(Math.round(x)) : "");
    }

    /**
     * Labels enough ticks on a logarithmic y axis once the series are in: every decade when the data span two decades
     * or more, else also 2, 3, ... 9 times the decade (a chart from 60 to 500 us would have one label).
     */
    static void labelLogYAxis(XYChart chart) {
        double[] y = chart.getSeriesMap().values().stream()
                .flatMapToDouble(s -> Arrays.stream(s.getYData()))
                .filter(v -> Double.isFinite(v) && v > 0)
                .toArray();
        if (y.length > 0) {
            double span = Arrays.stream(y).max().getAsDouble()
                    / Arrays.stream(y).min().getAsDouble();
            chart.getStyler().setYAxisLogarithmicDecadeOnly(span >= 100);
        }
    }

    /** Rank 0's (or the only) measurement of a series. */
    static void primary(XYSeries series, SeriesStyle style) {
        series.setLineColor(style.color());
        series.setMarkerColor(style.color());
        series.setMarker(style.marker());
        series.setLineStyle(stroke(LINE_WIDTH, style.dash()));
    }

    /**
     * The slowest rank's time of the same series: thin and pale, same colour and line, no marker, not in the legend.
     */
    static void slowestRank(XYSeries series, SeriesStyle style) {
        Color pale = new Color(
                style.color().getRed(), style.color().getGreen(), style.color().getBlue(), SLOWEST_RANK_ALPHA);
        series.setLineColor(pale);
        series.setMarkerColor(pale);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(stroke(SLOWEST_RANK_LINE_WIDTH, style.dash()));
        series.setShowInLegend(false);
    }

    /** A trend's runs: a point each, joined by a line. */
    static void trendPoints(XYSeries series) {
        series.setLineColor(TREND_POINTS);
        series.setMarkerColor(TREND_POINTS);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineStyle(stroke(LINE_WIDTH, new float[0]));
    }

    /** The level of a trend's segment between change points: a flat line, no markers. */
    static void trendLevel(XYSeries series) {
        series.setLineColor(TREND_LEVEL);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(new BasicStroke(2.5f));
    }

    /** A trend's change points, drawn as the chart's annotation lines: dashed verticals. */
    static void changePoints(XYChart chart) {
        chart.getStyler().setAnnotationLineColor(TREND_CHANGE);
        chart.getStyler().setAnnotationLineStroke(stroke(1.5f, new float[] {6f, 4f}));
    }

    private static BasicStroke stroke(float width, float[] dash) {
        return dash.length == 0
                ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }
}

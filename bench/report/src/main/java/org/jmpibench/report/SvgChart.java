package org.jmpibench.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.DoubleStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Writes a chart as SVG with its text as text ({@code <text>} elements): selectable, searchable, and a few kilobytes
 * instead of a megabyte.
 *
 * <p>XChart draws every string as the outline of its glyphs ({@code TextLayout.getOutline}, then {@code fill}), which
 * an SVG can only hold as paths. But the strings a chart can draw are known: its title, axis titles, legend entries,
 * categories (a bar chart's) and tick labels (ours come from {@link ChartStyle}'s formatting functions and the y axis's
 * decimal pattern: on a log axis 1..9 times each decade, on a linear one the multiples of the steps XChart picks from),
 * each in a known font. The graphics below compare every filled shape with the outlines of those strings, upright or
 * turned as the chart turns them (the y axis title a quarter, categories by the label rotation), and write a match as
 * the string it is, in its font, where the outline was. A shape that matches nothing is written as it was drawn: text
 * is never lost, at worst it stays a shape.
 */
final class SvgChart {
    /** Decades around the y data whose tick labels a logarithmic axis can draw. */
    private static final int SPARE_DECADES = 2;
    /** Whole x values beyond the data that an x axis's ticks can reach. */
    private static final int SPARE_TICKS = 4;
    /** Outline coordinates are floats: a recognised outline agrees to well within this, in pixels. */
    private static final double TOLERANCE_PX = 1e-3;
    /** The tick steps a linear axis takes, times a power of ten. */
    private static final double[] LINEAR_STEPS = {1, 2, 2.5, 5};
    /** Ticks a linear axis has at most for a step to be worth expecting. */
    private static final int MAX_LINEAR_TICKS = 40;

    private SvgChart() {}

    static void write(Chart<?, ?> chart, OutputStream out) throws IOException {
        TextKeepingGraphics graphics = new TextKeepingGraphics();
        candidates(chart).forEach(graphics::expect);
        chart.paint(graphics, chart.getWidth(), chart.getHeight());
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        new SVGProcessor()
                .getDocument(graphics.getCommands(), new PageSize(0, 0, chart.getWidth(), chart.getHeight()))
                .writeTo(svg);
        // VectorGraphics2D leaves out the size of text in Java's default size, 12: say it once, at the root, or a
        // browser draws that text at its own default (16 px)
        out.write(svg.toString(StandardCharsets.UTF_8)
                .replaceFirst("<svg ", "<svg font-size=\"" + DEFAULT_FONT_SIZE_PX + "px\" ")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The size of Java's default font, which VectorGraphics2D does not write. */
    static final int DEFAULT_FONT_SIZE_PX = 12;

    /**
     * A string the chart may draw, in the font it draws it in, and the turn it may be drawn with besides upright:
     * degrees counter-clockwise, 0 for none.
     */
    record Candidate(String text, Font font, double turnDegrees) {}

    /** Every string {@code chart} can draw. */
    static List<Candidate> candidates(Chart<?, ?> chart) {
        Styler styler = chart.getStyler();
        List<Candidate> all = new ArrayList<>();
        all.add(new Candidate(chart.getTitle(), styler.getChartTitleFont(), 0));
        chart.getSeriesMap().keySet().forEach(name -> all.add(new Candidate(name, styler.getLegendFont(), 0)));
        if (styler instanceof AxesChartStyler axes) {
            all.add(new Candidate(chart.getXAxisTitle(), axes.getAxisTitleFont(), 90));
            all.add(new Candidate(chart.getYAxisTitle(), axes.getAxisTitleFont(), 90));
            Set<String> ticks = new LinkedHashSet<>();
            double[] y = null;
            if (chart instanceof XYChart xy) {
                xTicks(xy, ticks);
                y = xy.getSeriesMap().values().stream()
                        .map(XYSeries::getYData)
                        .flatMapToDouble(Arrays::stream)
                        .toArray();
            } else if (chart instanceof CategoryChart bars) {
                bars.getSeriesMap().values().stream()
                        .flatMap(series -> series.getXData().stream())
                        .map(String::valueOf)
                        .distinct()
                        .forEach(category -> all.add(
                                new Candidate(category, axes.getAxisTickLabelsFont(), axes.getXAxisLabelRotation())));
                y = stackedHeights(bars);
            }
            if (y != null) {
                yTicks(axes, DoubleStream.of(y).filter(Double::isFinite).toArray(), ticks);
            }
            ticks.forEach(tick -> all.add(new Candidate(tick, axes.getAxisTickLabelsFont(), 0)));
        }
        all.removeIf(c -> c.text() == null || c.text().isBlank());
        return all;
    }

    /** The labels of every whole x an XY chart's x axis can reach, by its formatting function (ours have one). */
    private static void xTicks(XYChart chart, Set<String> ticks) {
        Function<Double, String> xLabels = chart.getStyler().getxAxisTickLabelsFormattingFunction();
        double[] x = chart.getSeriesMap().values().stream()
                .map(XYSeries::getXData)
                .flatMapToDouble(Arrays::stream)
                .filter(Double::isFinite)
                .toArray();
        if (xLabels != null && x.length > 0) {
            long from = (long) Math.floor(Arrays.stream(x).min().getAsDouble()) - SPARE_TICKS;
            long to = (long) Math.ceil(Arrays.stream(x).max().getAsDouble()) + SPARE_TICKS;
            for (long at = from; at <= to; at++) {
                ticks.add(xLabels.apply((double) at));
            }
        }
    }

    /** The values of a bar chart's y axis: each value, and each category's stack. */
    private static double[] stackedHeights(CategoryChart chart) {
        List<Double> values = new ArrayList<>();
        List<Double> stacks = new ArrayList<>();
        chart.getSeriesMap().values().forEach(series -> {
            int i = 0;
            for (Number value : series.getYData()) {
                double v = value == null ? 0 : value.doubleValue();
                values.add(v);
                if (stacks.size() <= i) {
                    stacks.add(0.0);
                }
                stacks.set(i, stacks.get(i) + v);
                i++;
            }
        });
        values.addAll(stacks);
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The labels a y axis over {@code y} can have, in its decimal pattern: 1..9 times each decade on a log axis, the
     * multiples of each step XChart may pick ({@link #LINEAR_STEPS}) from 0 past the largest value on a linear one.
     */
    private static void yTicks(AxesChartStyler styler, double[] y, Set<String> ticks) {
        if (y.length == 0) {
            return;
        }
        DecimalFormat format = new DecimalFormat(
                styler.getYAxisDecimalPattern(), DecimalFormatSymbols.getInstance(styler.getLocale()));
        double max = Arrays.stream(y).max().getAsDouble();
        if (styler.isYAxisLogarithmic()) {
            double min = Arrays.stream(y).filter(v -> v > 0).min().orElse(Double.NaN);
            if (!(min > 0)) {
                return;
            }
            int low = (int) Math.floor(Math.log10(min)) - SPARE_DECADES;
            int high = (int) Math.ceil(Math.log10(max)) + SPARE_DECADES;
            for (int decade = low; decade <= high; decade++) {
                for (int m = 1; m <= 9; m++) {
                    ticks.add(format.format(m * Math.pow(10, decade)));
                }
            }
        } else if (max > 0) {
            int top = (int) Math.ceil(Math.log10(max));
            for (int decade = top - 3; decade <= top; decade++) {
                for (double step : LINEAR_STEPS) {
                    double size = step * Math.pow(10, decade);
                    long count = (long) Math.ceil(max / size) + 1;
                    for (long n = 0; count <= MAX_LINEAR_TICKS && n <= count; n++) {
                        ticks.add(format.format(n * size));
                    }
                }
            }
        }
    }

    /** VectorGraphics2D that writes the filled outline of an expected string as that string. */
    static final class TextKeepingGraphics extends VectorGraphics2D {
        /** An expected outline: the string's outline at the origin, turned or not. */
        private record Outline(Candidate candidate, AffineTransform turn, Shape shape, Rectangle2D bounds) {}

        private final List<Outline> expected = new ArrayList<>();

        void expect(Candidate candidate) {
            Shape upright = new TextLayout(candidate.text(), candidate.font(), getFontRenderContext()).getOutline(null);
            List<AffineTransform> turns = new ArrayList<>(List.of(new AffineTransform()));
            if (candidate.turnDegrees() != 0) {
                turns.add(AffineTransform.getRotateInstance(-Math.toRadians(candidate.turnDegrees())));
            }
            for (AffineTransform turn : turns) {
                Shape shape = turn.createTransformedShape(upright);
                expected.add(new Outline(candidate, turn, shape, shape.getBounds2D()));
            }
        }

        @Override
        public void fill(Shape shape) {
            Rectangle2D bounds = shape.getBounds2D();
            for (Outline outline : expected) {
                if (Math.abs(outline.bounds().getWidth() - bounds.getWidth()) < TOLERANCE_PX
                        && Math.abs(outline.bounds().getHeight() - bounds.getHeight()) < TOLERANCE_PX) {
                    double[] offset = offset(outline.shape(), shape);
                    if (offset != null) {
                        writeAsText(outline, offset);
                        return;
                    }
                }
            }
            super.fill(shape);
        }

        /** Draws the string where the outline was: moved by {@code offset}, turned as it was. */
        private void writeAsText(Outline outline, double[] offset) {
            AffineTransform before = getTransform();
            Font font = getFont();
            translate(offset[0], offset[1]);
            transform(outline.turn());
            setFont(outline.candidate().font());
            drawString(outline.candidate().text(), 0f, 0f);
            setFont(font);
            setTransform(before);
        }

        /** The translation taking {@code expected} onto {@code drawn}, or null when they are not the same path. */
        private static double[] offset(Shape expected, Shape drawn) {
            PathIterator a = expected.getPathIterator(null);
            PathIterator b = drawn.getPathIterator(null);
            double[] p = new double[6];
            double[] q = new double[6];
            double[] offset = null;
            while (!a.isDone() && !b.isDone()) {
                int type = a.currentSegment(p);
                if (type != b.currentSegment(q)) {
                    return null;
                }
                int points = switch (type) {
                    case PathIterator.SEG_CLOSE -> 0;
                    case PathIterator.SEG_QUADTO -> 2;
                    case PathIterator.SEG_CUBICTO -> 3;
                    default -> 1;
                };
                for (int i = 0; i < points; i++) {
                    if (offset == null) {
                        offset = new double[] {q[2 * i] - p[2 * i], q[2 * i + 1] - p[2 * i + 1]};
                    } else if (Math.abs(q[2 * i] - p[2 * i] - offset[0]) > TOLERANCE_PX
                            || Math.abs(q[2 * i + 1] - p[2 * i + 1] - offset[1]) > TOLERANCE_PX) {
                        return null;
                    }
                }
                a.next();
                b.next();
            }
            return a.isDone() && b.isDone() && offset != null ? offset : null;
        }
    }
}

package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.internal.series.Series;

/** The SVGs hold their text as text: every string of the chart is a text element, and the file stays small. */
class SvgChartTest {
    private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

    @TempDir
    Path temp;

    @Test
    void everyStringOfEveryChartIsTextAndTheFilesAreSmall() throws Exception {
        RunResults a = RunReader.read(Fixtures.copy(Fixtures.RUN_A, temp), "a");
        RunResults b = RunReader.read(Fixtures.copy(Fixtures.RUN_B, temp), "b");
        for (ReportData data : List.of(new ReportData(List.of(a)), new ReportData(List.of(a, b)))) {
            for (ReportChart chart : PlotCommand.pageOrder(data)) {
                ByteArrayOutputStream svg = new ByteArrayOutputStream();
                SvgChart.write(chart.chart(), svg);
                String text = svg.toString(StandardCharsets.UTF_8);
                List<String> texts = texts(text);

                assertThat(texts)
                        .as(chart.fileStem())
                        .contains(
                                xml(chart.title()),
                                xml(chart.chart().getXAxisTitle()),
                                xml(chart.chart().getYAxisTitle()));
                for (Series series : chart.chart().getSeriesMap().values()) {
                    if (series.isShowInLegend()) {
                        assertThat(texts).as(chart.fileStem() + " legend").contains(xml(series.getName()));
                    }
                }
                if (chart.chart() instanceof CategoryChart bars) {
                    bars.getSeriesMap()
                            .values()
                            .forEach(series -> series.getXData()
                                    .forEach(category -> assertThat(texts)
                                            .as(chart.fileStem() + " categories")
                                            .contains(xml(String.valueOf(category)))));
                }
                assertThat(texts.stream()
                                .filter(t -> t.matches("[0-9.,]+( [KMG]?i?B)?"))
                                .count())
                        .as(chart.fileStem() + " tick labels in " + texts)
                        .isGreaterThanOrEqualTo(3);
                // glyph outlines made each SVG about 1.2 MB
                assertThat(svg.size()).as(chart.fileStem() + " bytes").isLessThan(150_000);
            }
        }
    }

    @Test
    void sizeTicksAreBytes() throws Exception {
        RunResults a = RunReader.read(Fixtures.copy(Fixtures.RUN_A, temp), "a");
        ReportChart send = PlotCommand.pageOrder(new ReportData(List.of(a))).get(0);
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        SvgChart.write(send.chart(), svg);

        String text = svg.toString(StandardCharsets.UTF_8);
        assertThat(texts(text)).contains("4 B", "1 KiB", "4 MiB");
        // text in Java's default size has no size of its own in the file: the root gives it
        assertThat(text).contains("<svg font-size=\"12px\" ");
    }

    private static List<String> texts(String svg) {
        List<String> texts = new ArrayList<>();
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

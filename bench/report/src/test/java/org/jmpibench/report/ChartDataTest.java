package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.ResultsFileBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** What the charts are fed: gaps for missing results, nothing a log axis cannot show, honest labels. */
class ChartDataTest {
    private static List<ReportChart> charts;

    @TempDir
    Path temp;

    @BeforeAll
    static void drawFixture(@TempDir Path temp) throws Exception {
        Path results = Fixtures.copy(Fixtures.RUN_A, temp);
        RunResults run = RunReader.read(results, "results-2026-11-30");
        charts = PlotCommand.pageOrder(new ReportData(List.of(run)));
    }

    @Test
    void aFailedJobInTheMiddleOfALineIsAGapNotAZero() {
        XYSeries openmpiArray = series("time-vs-size_gather-average_np4", "openmpi array");

        // log2 of the bytes: 4 B, 64 B, 1 KiB, 16 KiB, 256 KiB, 4 MiB
        assertThat(openmpiArray.getXData()).containsExactly(2, 6, 10, 14, 18, 22);
        double[] y = openmpiArray.getYData();
        assertThat(y[3]).isNaN();
        assertThat(y[2]).isPositive();
        assertThat(y[4]).isPositive();
    }

    @Test
    void aFailedJobAtTheEndOfALineEndsItEarly() {
        XYSeries niodev = series("time-vs-size_bcast_np4", "mpj-niodev array");

        assertThat(niodev.getYData()[5]).isNaN();
        assertThat(series("time-vs-size_bcast_np4", "mpj-niodev array (slowest rank)")
                        .getYData()[5])
                .isNaN();
    }

    @Test
    void noChartGetsAValueOrErrorBarEndAtOrBelowZero() {
        for (ReportChart chart : charts) {
            if (!(chart.chart() instanceof XYChart lines)) {
                continue; // stacked bars (phases) start at zero by design
            }
            for (XYSeries series : lines.getSeriesMap().values()) {
                double[] y = series.getYData();
                double[] errors = series.getExtraValues();
                for (int i = 0; i < y.length; i++) {
                    if (Double.isNaN(y[i])) {
                        continue;
                    }
                    assertThat(y[i])
                            .as(chart.fileStem() + " " + series.getName())
                            .isPositive();
                    assertThat(y[i] - errors[i])
                            .as(chart.fileStem() + " " + series.getName() + " lower bar end")
                            .isPositive();
                }
            }
        }
    }

    @Test
    void aConfidenceIntervalReachingBelowZeroIsCutAtATenthOfTheScore() {
        // the fixture's noisy result: mpj-niodev gather-average np=2 size 1, interval about [-74, 190] us
        XYSeries niodev = series("time-vs-size_gather-average_np2", "mpj-niodev array");
        double score = niodev.getYData()[0];
        assertThat(niodev.getExtraValues()[0]).isCloseTo(score * 0.9, offset(1e-9));
    }

    @Test
    void aResultMeasuredOnceHasNoErrorBarButIsDrawn() {
        XYSeries shm = series("time-vs-size_bcast_np4", "shm array");
        assertThat(shm.getYData()[1]).isPositive();
        assertThat(shm.getExtraValues()[1]).isZero();
    }

    @Test
    void slowestRankIsDrawnBesideRankZeroForCollectivesOnly() {
        assertThat(names("time-vs-size_bcast_np2")).contains("loopback array", "loopback array (slowest rank)");
        assertThat(names("time-vs-size_send_np2")).noneMatch(name -> name.contains("slowest"));
    }

    @Test
    void bufferKindIsInTheLabelsOnlyWhereBothKindsAreDrawn() throws Exception {
        assertThat(names("time-vs-size_send_np2"))
                .containsExactly("loopback array", "mpj-niodev array", "openmpi array", "openmpi direct", "shm array");
        // a run of one buffer kind: labels are just the backends
        RunResults runB = RunReader.read(Fixtures.copy(Fixtures.RUN_B, temp), "b");
        ReportChart sendOfB =
                PlotCommand.pageOrder(new ReportData(List.of(runB))).get(0);
        assertThat(sendOfB.fileStem()).isEqualTo("time-vs-size_send_np2");
        assertThat(sendOfB.chart().getSeriesMap().keySet()).containsExactly("loopback", "shm");
    }

    @Test
    void idleStrategiesOfOneBackendAreSeparateSeriesLabelledLikeTheTable() throws Exception {
        // as the harness writes it with --idle default,spin on shm: every result has an idle param, and shm's results
        // appear a second time for spin (with other scores, so a merged series would show).
        ResultsFileBuilder file = ResultsFileBuilder.file();
        for (String backend : List.of("loopback", "shm")) {
            for (long size : List.of(1L, 16L)) {
                file.add(Operation.SEND, new double[] {10, 10})
                        .params(backend, 2, size)
                        .param(Param.IDLE, "default")
                        .done();
            }
        }
        for (long size : List.of(1L, 16L)) {
            file.add(Operation.SEND, new double[] {30, 30})
                    .params("shm", 2, size)
                    .param(Param.IDLE, "spin")
                    .done();
        }

        RunResults run = RunReader.read(file.writeTo(temp.resolve("results-idle.json")), "idle");
        ReportChart send = PlotCommand.pageOrder(new ReportData(List.of(run))).get(0);

        assertThat(send.fileStem()).isEqualTo("time-vs-size_send_np2");
        Map<String, XYSeries> series = xy(send).getSeriesMap();
        assertThat(series.keySet()).containsExactly("loopback", "shm", "shm/spin");
        assertThat(series.get("shm/spin").getYData()[0])
                .isCloseTo(3 * series.get("shm").getYData()[0], offset(1e-6));
    }

    @Test
    void sizesAreBytesWithTicksOnPowersOfTwo() {
        for (String stem : List.of("time-vs-size_send_np2", "bandwidth-vs-size_send_np2")) {
            XYChart chart = xy(chart(stem));
            assertThat(chart.getXAxisTitle()).isEqualTo("message size (bytes, log scale)");
            var ticks = chart.getStyler().getxAxisTickLabelsFormattingFunction();
            assertThat(ticks.apply(2.0)).isEqualTo("4 B");
            assertThat(ticks.apply(10.0)).isEqualTo("1 KiB");
            assertThat(ticks.apply(22.0)).isEqualTo("4 MiB");
            assertThat(ticks.apply(2.5)).as("no tick between powers of two").isEmpty();
        }
    }

    @Test
    void aBackendHasOneColourInEveryChartAndEveryRunItsOwnLineStyle() throws Exception {
        RunResults a = RunReader.read(Fixtures.copy(Fixtures.RUN_A, temp), "a");
        RunResults b = RunReader.read(Fixtures.copy(Fixtures.RUN_B, temp), "b");
        List<ReportChart> both = PlotCommand.pageOrder(new ReportData(List.of(a, b)));
        Map<String, java.awt.Color> colours = new java.util.HashMap<>();
        Map<String, java.util.Set<String>> dashesOfRun = new java.util.HashMap<>();
        for (ReportChart chart : both) {
            if (!(chart.chart() instanceof XYChart lines)) {
                continue; // stacked bars: colours are phases, not backends
            }
            for (XYSeries series : lines.getSeriesMap().values()) {
                String label = series.getName().replace(" (slowest rank)", "");
                String backend = label.substring(label.indexOf(": ") + 2).split(" ")[0];
                java.awt.Color opaque = new java.awt.Color(series.getLineColor().getRGB() & 0xFFFFFF);
                assertThat(colours.computeIfAbsent(backend, k -> opaque))
                        .as(chart.fileStem() + " " + series.getName())
                        .isEqualTo(opaque);
                dashesOfRun
                        .computeIfAbsent(label.substring(0, label.indexOf(':')), k -> new java.util.HashSet<>())
                        .add(java.util.Arrays.toString(series.getLineStyle().getDashArray()));
            }
        }
        assertThat(colours.get("shm")).isEqualTo(ChartStyle.colorOf("shm")).isNotEqualTo(colours.get("loopback"));
        assertThat(colours.values()).doesNotHaveDuplicates();
        assertThat(dashesOfRun.get("a")).containsExactly("null");
        assertThat(dashesOfRun.get("b")).hasSize(1).doesNotContain("null");
    }

    @Test
    void theSlowestRankHasNoLegendEntryOfItsOwn() {
        assertThat(series("time-vs-size_bcast_np2", "loopback array (slowest rank)")
                        .isShowInLegend())
                .isFalse();
        assertThat(series("time-vs-size_bcast_np2", "loopback array").isShowInLegend())
                .isTrue();
    }

    @Test
    void noTimeVsRanksChartForSendWhoseOtherRanksIdle() {
        assertThat(charts).noneMatch(c -> c.fileStem().startsWith("time-vs-ranks_send"));
        assertThat(charts).anyMatch(c -> c.fileStem().startsWith("time-vs-ranks_bcast"));
    }

    @Test
    void eachJdkOfOneBackendIsASeriesNamedByItsRelease() throws Exception {
        // as bench --jdk 17,25 writes it: every result has a jdk param, each backend's results appear once per JDK
        ResultsFileBuilder file = ResultsFileBuilder.file();
        for (String backend : List.of("loopback", "shm")) {
            for (long size : List.of(1L, 16L)) {
                file.add(Operation.SEND, new double[] {10, 10})
                        .params(backend, 2, size)
                        .param(Param.JDK, "17")
                        .done();
                file.add(Operation.SEND, new double[] {5, 5})
                        .params(backend, 2, size)
                        .param(Param.JDK, "25")
                        .done();
            }
        }

        RunResults run = RunReader.read(file.writeTo(temp.resolve("results-jdks.json")), "jdks");
        ReportChart send = PlotCommand.pageOrder(new ReportData(List.of(run))).get(0);

        Map<String, XYSeries> series = xy(send).getSeriesMap();
        assertThat(series.keySet())
                .containsExactly("loopback, JDK 17", "loopback, JDK 25", "shm, JDK 17", "shm, JDK 25");
        assertThat(series.get("shm, JDK 25").getYData()).containsExactly(5, 5);
    }

    @Test
    void aRunOnJdk17IsNotToldApartFromOneThatPredatesTheJdkParameter() throws Exception {
        Path before = ResultsFileBuilder.file()
                .add(Operation.SEND, new double[] {10, 10})
                .params("shm", 2, 1)
                .done()
                .writeTo(temp.resolve("before.json"));
        Path now = ResultsFileBuilder.file()
                .add(Operation.SEND, new double[] {11, 11})
                .params("shm", 2, 1)
                .param(Param.JDK, "17")
                .done()
                .writeTo(temp.resolve("now.json"));

        ReportChart send = PlotCommand.pageOrder(
                        new ReportData(List.of(RunReader.read(before, "before"), RunReader.read(now, "now"))))
                .get(0);

        assertThat(send.chart().getSeriesMap().keySet()).containsExactly("before: shm", "now: shm");
    }

    @Test
    void interHostSeriesAreApartFromIntraHostOnesAndSayHowManyHosts() throws Exception {
        // tcp on one host and over two: the layout changes with np (0/1, then 0+2/1+3), the line must not
        ResultsFileBuilder file = ResultsFileBuilder.file();
        for (int np : List.of(2, 4)) {
            String interHost = np == 2 ? "2hosts:0/1" : "2hosts:0+2/1+3";
            file.add(Operation.BCAST, new double[] {10, 10})
                    .params("tcp", np, 1)
                    .param(Param.LAYOUT, "1host")
                    .done();
            file.add(Operation.BCAST, new double[] {40, 40})
                    .params("tcp", np, 1)
                    .param(Param.LAYOUT, interHost)
                    .done();
        }

        RunResults run = RunReader.read(file.writeTo(temp.resolve("results-hosts.json")), "hosts");
        List<ReportChart> charts = PlotCommand.pageOrder(new ReportData(List.of(run)));

        ReportChart byRanks = charts.stream()
                .filter(c -> c.fileStem().equals("time-vs-ranks_bcast_size1"))
                .findFirst()
                .orElseThrow();
        Map<String, XYSeries> series = xy(byRanks).getSeriesMap();
        assertThat(series.keySet()).containsExactly("tcp", "tcp, 2 hosts");
        assertThat(series.get("tcp, 2 hosts").getYData())
                .as("one line over np 2 and 4")
                .containsExactly(40, 40);
        ReportChart bySize = charts.stream()
                .filter(c -> c.fileStem().equals("time-vs-size_bcast_np2"))
                .findFirst()
                .orElseThrow();
        assertThat(bySize.chart().getSeriesMap().keySet()).containsExactly("tcp", "tcp, 2 hosts");
    }

    @Test
    void bandwidthIsBytesPerMicrosecond() {
        XYSeries loopback = series("bandwidth-vs-size_send_np2", "loopback array");
        XYSeries loopbackTime = series("time-vs-size_send_np2", "loopback array");
        int last = 5; // 1 Mi ints = 4 MiB
        assertThat(loopback.getYData()[last])
                .isCloseTo(1048576 * 4 / loopbackTime.getYData()[last], offset(1e-6));
    }

    private static XYChart xy(ReportChart chart) {
        assertThat(chart.chart()).as(chart.fileStem()).isInstanceOf(XYChart.class);
        return (XYChart) chart.chart();
    }

    private static List<String> names(String stem) {
        return List.copyOf(chart(stem).chart().getSeriesMap().keySet());
    }

    private static XYSeries series(String stem, String name) {
        Map<String, XYSeries> all = xy(chart(stem)).getSeriesMap();
        assertThat(all).containsKey(name);
        return all.get(name);
    }

    private static ReportChart chart(String stem) {
        return charts.stream()
                .filter(c -> c.fileStem().equals(stem))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no chart " + stem));
    }
}

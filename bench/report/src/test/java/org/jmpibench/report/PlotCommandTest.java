package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.ResultsFileBuilder;
import org.jmpibench.results.SecondaryMetric;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Runs {@code plot} on the fixtures and checks every file it writes. */
class PlotCommandTest {
    private static final Pattern IMG_SRC = Pattern.compile("<img src=\"([^\"]+)\"");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"#][^\"]*)\"");

    @TempDir
    Path temp;

    @Test
    void drawsEveryChartOfOneRunAsPngAndSvgAndAPageThatShowsThemAll() throws Exception {
        Path results = Fixtures.copy(Fixtures.RUN_A, temp);
        Fixtures.copy(Fixtures.RUN_A_CONTEXT, temp);
        Path out = temp.resolve("out");

        Fixtures.Outcome outcome = Fixtures.plot("--out", out.toString(), results.toString());

        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains(out.resolve("index.html").toString());
        Set<String> expectedStems = new TreeSet<>(List.of(
                "time-vs-size_send_np2", "bandwidth-vs-size_send_np2",
                "time-vs-size_bcast_np2", "time-vs-size_bcast_np4",
                "time-vs-size_gather_np2", "time-vs-size_gather_np4",
                "time-vs-size_gather-average_np2", "time-vs-size_gather-average_np4"));
        for (long size : List.of(1L, 16L, 256L, 4096L, 65536L, 1048576L)) {
            for (String operation : List.of("bcast", "gather", "gather-average")) {
                expectedStems.add("time-vs-ranks_" + operation + "_size" + size);
            }
            for (int np : List.of(2, 4)) {
                expectedStems.add("phases_gather-average_np" + np + "_size" + size);
            }
        }
        Set<String> expectedFiles = new TreeSet<>(Set.of("index.html", OutputDirectory.MARKER));
        expectedStems.forEach(stem -> expectedFiles.addAll(List.of(stem + ".png", stem + ".svg")));
        assertThat(fileNames(out)).isEqualTo(expectedFiles);

        for (String stem : expectedStems) {
            assertDecodablePng(out.resolve(stem + ".png"));
            assertParsableSvg(out.resolve(stem + ".svg"));
        }
        String page = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(imageSources(page))
                .containsExactlyInAnyOrderElementsOf(
                        expectedStems.stream().map(stem -> stem + ".png").collect(Collectors.toList()));
        assertEveryLocalReferenceExists(out, page);
        for (String stem : expectedStems) {
            assertThat(page).as("links the SVG of " + stem).contains("<a href=\"" + stem + ".svg\">");
        }
        assertThat(page)
                .as("machine and versions from the context file")
                .contains("backends.openmpi.version", "Open MPI 4.1.4 (Debian)", "MPJ Express 0.44 (niodev)")
                .contains("failedJobs[1].reason", "rank 2 exited with status 1: CommunicatorException: gather failed")
                .as("the harness's other time metric, in the tables")
                .contains("handTimed (\u00b5s/op)")
                .as("JMH settings from the results")
                .contains("17.0.15+6-Debian-1deb12u1")
                .as("the fixture's three failed jobs")
                .contains("np=4, mpj-niodev array: no result at size 1Mi (4 MiB)")
                .contains("np=4, openmpi array: no result at size 4Ki (16 KiB)")
                .contains("np=2, loopback array: no result at size 256 (1 KiB)")
                .as("no external resource: readable offline")
                .doesNotContain("http://", "https://", "<link");
    }

    @Test
    void drawsTwoRunsInTheSameChartsWithLinesLabelledByRun() throws Exception {
        Path a = Fixtures.copy(Fixtures.RUN_A, temp);
        Path b = Fixtures.copy(Fixtures.RUN_B, temp);
        Path out = temp.resolve("both");

        Fixtures.Outcome outcome = Fixtures.plot("--out", out.toString(), a.toString(), b.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        String page = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(page)
                .contains("jmpi-bench report: results-2026-11-30_vs_results-2026-12-01")
                .contains("<th>run</th>")
                .as("run B has no context file beside it")
                .contains("No context file (<code>results-2026-12-01.context.json</code>)");
        assertEveryLocalReferenceExists(out, page);
        for (String png : imageSources(page)) {
            assertDecodablePng(out.resolve(png));
            assertParsableSvg(out.resolve(png.replace(".png", ".svg")));
        }
        // the same charts hold both runs' lines
        List<RunResults> runs =
                List.of(RunReader.read(a, "results-2026-11-30"), RunReader.read(b, "results-2026-12-01"));
        ReportChart sendTimes = PlotCommand.pageOrder(new ReportData(runs)).stream()
                .filter(chart -> chart.fileStem().equals("time-vs-size_send_np2"))
                .findFirst()
                .orElseThrow();
        assertThat(sendTimes.chart().getSeriesMap().keySet())
                .contains(
                        "results-2026-11-30: loopback array", "results-2026-12-01: loopback array",
                        "results-2026-11-30: openmpi direct", "results-2026-12-01: shm array");
    }

    @Test
    void theTableOfAnInterHostRunShowsItsLayout() throws Exception {
        // one run over two hosts only: the layout never varies, and still the table must say it
        Path results = ResultsFileBuilder.file()
                .add(Operation.SEND, new double[] {40, 41})
                .params("tcp", 2, 1)
                .param(Param.LAYOUT, "2hosts:0/1")
                .done()
                .add(Operation.SEND, new double[] {90, 92})
                .params("tcp", 2, 16)
                .param(Param.LAYOUT, "2hosts:0/1")
                .done()
                .writeTo(temp.resolve("hosts.json"));
        Path out = temp.resolve("out-hosts");

        Fixtures.Outcome outcome = Fixtures.plot("--out", out.toString(), results.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        String page = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(page).contains("<th>layout</th>", "<td>2hosts:0/1</td>");
    }

    @Test
    void zeroAndNegativeScoresBecomeGapsAndResultsWithoutSizeGetOnlyATable() throws Exception {
        // np=2: a zero score and a negative slowest rank; np=4: drawable; and a benchmark of another suite, no params
        Path results = ResultsFileBuilder.file()
                .add(Operation.BCAST, new double[] {0.0})
                .params("shm", 2, 16)
                .secondary(SecondaryMetric.SLOWEST_RANK, new double[] {-1})
                .done()
                .add(Operation.BCAST, new double[] {2.9, 3.0, 3.1})
                .params("shm", 4, 16)
                .secondary(SecondaryMetric.SLOWEST_RANK, new double[] {3.5})
                .done()
                .add("org.other.Foo.bar", "thrpt", "ops/s", new double[] {3.0})
                .done()
                .writeTo(temp.resolve("odd.json"));
        Path out = temp.resolve("out");

        Fixtures.Outcome outcome = Fixtures.plot("--out", out.toString(), results.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        // np=2 has nothing drawable (a zero score, a negative slowest rank): no chart rather than a zero
        assertThat(fileNames(out))
                .containsExactlyInAnyOrder(
                        "index.html",
                        OutputDirectory.MARKER,
                        "time-vs-size_bcast_np4.png",
                        "time-vs-size_bcast_np4.svg",
                        "time-vs-ranks_bcast_size16.png",
                        "time-vs-ranks_bcast_size16.svg");
        assertDecodablePng(out.resolve("time-vs-ranks_bcast_size16.png"));
        String page = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(page).contains("<section id=\"op-bar\">").contains("333333.3"); // 3 ops/s = 333333.3 us/op
    }

    @Test
    void writesUnderPlotsSlashRunByDefault() throws Exception {
        Path results = Fixtures.copy(Fixtures.RUN_B, temp);
        Path cwdPlots = Path.of("plots", "results-2026-12-01").toAbsolutePath();
        // the default is relative to the working directory: the module directory under surefire. Never delete a
        // plots/ directory this test did not make.
        Assumptions.assumeFalse(Files.exists(Path.of("plots")), "plots/ exists already");
        try {
            Fixtures.Outcome outcome = Fixtures.plot(results.toString());
            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            assertThat(cwdPlots.resolve("index.html")).isNotEmptyFile();
        } finally {
            deleteRecursively(Path.of("plots").toAbsolutePath());
        }
    }

    static Set<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static List<String> imageSources(String page) {
        List<String> sources = new ArrayList<>();
        Matcher matcher = IMG_SRC.matcher(page);
        while (matcher.find()) {
            sources.add(matcher.group(1));
        }
        return sources;
    }

    static void assertEveryLocalReferenceExists(Path directory, String page) {
        List<String> references = new ArrayList<>(imageSources(page));
        Matcher matcher = HREF.matcher(page);
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(reference).as("relative reference").doesNotContain(":").doesNotStartWith("/");
            assertThat(directory.resolve(reference)).as(reference).isNotEmptyFile();
        }
    }

    static void assertDecodablePng(Path png) throws IOException {
        assertThat(png).isNotEmptyFile();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as(png + " decodes").isNotNull();
        assertThat(image.getWidth()).as(png + " width").isEqualTo(ChartStyle.WIDTH_PX);
        assertThat(image.getHeight()).as(png + " height").isEqualTo(ChartStyle.HEIGHT_PX);
    }

    static void assertParsableSvg(Path svg) throws Exception {
        assertThat(svg).isNotEmptyFile();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // the SVG names the W3C DTD: never fetch it (offline, and not needed to check well-formedness)
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getAttribute("viewBox"))
                .isEqualTo("0 0 " + ChartStyle.WIDTH_PX + " " + ChartStyle.HEIGHT_PX);
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}

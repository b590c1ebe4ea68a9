package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the generated page in Debian's headless Chromium, as a reader would, and checks that every chart image loaded,
 * the page logged nothing to the console (no script error, no failed resource), and its first screen shows the summary
 * and a chart, with the runs' context folded away.
 *
 * <p>The page's own script records {@code data-images-loaded}/{@code -total}/{@code -broken} on {@code <body>} after
 * the load event; {@code --dump-dom} prints the DOM after load, and {@code --enable-logging=stderr} prints every
 * console message as an {@code INFO:CONSOLE} line. Skipped (an assumption) only when no Chromium is installed:
 * {@code scripts/setup-report.sh} installs it, so CI runs this test.
 */
class ReportInChromiumTest {
    private static final Pattern BODY = Pattern.compile("<body([^>]*)>");
    private static final long TIMEOUT_S = 120;
    /** A laptop's first screen, in CSS pixels. */
    private static final int SCREEN_WIDTH = 1280;

    private static final int SCREEN_HEIGHT = 800;
    /** Pixels of series colours the visible part of a chart must show at the least: lines and markers. */
    private static final int MIN_SERIES_PIXELS = 200;

    @TempDir
    Path temp;

    @Test
    void everyChartLoadsAndTheConsoleStaysQuiet() throws Exception {
        Path out = twoRunReport();
        int charts = PlotCommandTest.imageSources(Files.readString(out.resolve("index.html")))
                .size();

        PageCheck page = open(out.resolve("index.html"));

        assertThat(page.bodyAttributes())
                .contains("data-images-total=\"" + charts + "\"")
                .contains("data-images-loaded=\"" + charts + "\"")
                .contains("data-images-broken=\"\"");
        assertThat(page.consoleLines()).as("console messages").isEmpty();
    }

    @Test
    void theCheckSeesAChartThatDoesNotLoad() throws Exception {
        Path out = twoRunReport();
        Files.delete(out.resolve("bandwidth-vs-size_send_np2.png"));

        PageCheck page = open(out.resolve("index.html"));

        assertThat(page.bodyAttributes()).contains("data-images-broken=\"bandwidth-vs-size_send_np2.png\"");
    }

    @Test
    void theFirstScreenShowsTheSummaryAndAChartWithTheContextFolded() throws Exception {
        Path out = twoRunReport();
        PageCheck page = open(out.resolve("index.html"));

        int summaryTop = Integer.parseInt(attribute(page.bodyAttributes(), "data-summary-top"));
        int[] chart = Arrays.stream(
                        attribute(page.bodyAttributes(), "data-first-chart").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int chartTop = chart[1];
        assertThat(summaryTop).as("the summary is above the charts").isLessThan(chartTop);
        assertThat(SCREEN_HEIGHT - chartTop)
                .as("pixels of the first chart on the first screen")
                .isGreaterThan(150);
        assertThat(page.dom())
                .as("the runs' context is folded")
                .contains("<details id=\"runs\">")
                .doesNotContain("<details id=\"runs\" open");

        BufferedImage screen =
                ImageIO.read(screenshot(out.resolve("index.html")).toFile());
        assertThat(screen.getWidth()).isEqualTo(SCREEN_WIDTH);
        assertThat(screen.getHeight()).isEqualTo(SCREEN_HEIGHT);
        Set<Integer> seriesColours = Set.of("loopback", "shm", "openmpi", "mpj-niodev").stream()
                .map(backend -> ChartStyle.colorOf(backend).getRGB() & 0xFFFFFF)
                .collect(Collectors.toSet());
        int seriesPixels = 0;
        for (int y = Math.max(chartTop, 0); y < Math.min(chartTop + chart[3], SCREEN_HEIGHT); y++) {
            for (int x = Math.max(chart[0], 0); x < Math.min(chart[0] + chart[2], SCREEN_WIDTH); x++) {
                if (seriesColours.contains(screen.getRGB(x, y) & 0xFFFFFF)) {
                    seriesPixels++;
                }
            }
        }
        assertThat(seriesPixels)
                .as("pixels of series colours in the visible part of the first chart")
                .isGreaterThanOrEqualTo(MIN_SERIES_PIXELS);
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(attributes);
        assertThat(m.find()).as(name + " in " + attributes).isTrue();
        return m.group(1);
    }

    private Path twoRunReport() throws Exception {
        Assumptions.assumeTrue(chromium().isPresent(), "no chromium installed (scripts/setup-report.sh installs it)");
        Path a = Fixtures.copy(Fixtures.RUN_A, temp);
        Fixtures.copy(Fixtures.RUN_A_CONTEXT, temp);
        Path b = Fixtures.copy(Fixtures.RUN_B, temp);
        Path out = temp.resolve("report");
        assertThat(Fixtures.plot("--out", out.toString(), a.toString(), b.toString())
                        .exitCode())
                .isZero();
        return out;
    }

    /** What the browser saw: the attributes of {@code <body>} after load, the DOM, and the console messages. */
    record PageCheck(String bodyAttributes, String dom, List<String> consoleLines) {}

    private PageCheck open(Path page) throws Exception {
        Path dom = temp.resolve("dom.html");
        Path log = run(page, dom, "--enable-logging=stderr", "--v=0", "--dump-dom");
        String stderr = Files.readString(log, StandardCharsets.UTF_8);
        String text = Files.readString(dom, StandardCharsets.UTF_8);
        Matcher body = BODY.matcher(text);
        assertThat(body.find()).as("a <body> in the dumped DOM").isTrue();
        List<String> console =
                stderr.lines().filter(line -> line.contains("CONSOLE")).collect(Collectors.toList());
        return new PageCheck(body.group(1), text, console);
    }

    /** A screenshot of the page's first screen. */
    private Path screenshot(Path page) throws Exception {
        Path png = temp.resolve("first-screen.png");
        run(page, temp.resolve("screenshot.out"), "--screenshot=" + png, "--hide-scrollbars");
        assertThat(png).as("the screenshot").isNotEmptyFile();
        return png;
    }

    /**
     * Runs headless Chromium on the page with a fresh profile and a first screen of {@value #SCREEN_WIDTH} x
     * {@value #SCREEN_HEIGHT}, the process's output to {@code stdout}; returns the file holding its stderr.
     */
    private Path run(Path page, Path stdout, String... extra) throws Exception {
        Path log = Files.createTempFile(temp, "chromium", ".log");
        Path profile = Files.createTempDirectory(temp, "profile");
        List<String> command = new ArrayList<>(List.of(
                chromium().orElseThrow().toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=" + SCREEN_WIDTH + "," + SCREEN_HEIGHT,
                "--virtual-time-budget=10000"));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Process browser = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(log.toFile())
                .start();
        try {
            assertThat(browser.waitFor(TIMEOUT_S, TimeUnit.SECONDS))
                    .as("chromium finished")
                    .isTrue();
        } finally {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly();
        }
        assertThat(browser.exitValue())
                .as(Files.readString(log, StandardCharsets.UTF_8))
                .isZero();
        return log;
    }

    /** $CHROMIUM, else the first of chromium / chromium-browser / google-chrome on the PATH. */
    static Optional<Path> chromium() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}

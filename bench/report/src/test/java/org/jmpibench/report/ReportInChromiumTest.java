package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the generated page in Debian's headless Chromium, as a reader would, and checks that every chart image
 * loaded and the page logged nothing to the console (no script error, no failed resource).
 *
 * <p>The page's own script records {@code data-images-loaded}/{@code -total}/{@code -broken} on {@code <body>}
 * after the load event; {@code --dump-dom} prints the DOM after load, and {@code --enable-logging=stderr} prints
 * every console message as an {@code INFO:CONSOLE} line. Skipped (an assumption) only when no Chromium is
 * installed: {@code scripts/setup-report.sh} installs it, so CI runs this test.
 */
class ReportInChromiumTest {
  private static final Pattern BODY = Pattern.compile("<body([^>]*)>");
  private static final long TIMEOUT_S = 120;

  @TempDir Path temp;

  @Test
  void everyChartLoadsAndTheConsoleStaysQuiet() throws Exception {
    Path out = twoRunReport();
    int charts = PlotCommandTest.imageSources(Files.readString(out.resolve("index.html"))).size();

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

  private Path twoRunReport() throws Exception {
    Assumptions.assumeTrue(chromium().isPresent(), "no chromium installed (scripts/setup-report.sh installs it)");
    Path a = Fixtures.copy(Fixtures.RUN_A, temp);
    Fixtures.copy(Fixtures.RUN_A_CONTEXT, temp);
    Path b = Fixtures.copy(Fixtures.RUN_B, temp);
    Path out = temp.resolve("report");
    assertThat(Fixtures.plot("--out", out.toString(), a.toString(), b.toString()).exitCode()).isZero();
    return out;
  }

  /** What the browser saw: the attributes of {@code <body>} after load, and the console messages. */
  record PageCheck(String bodyAttributes, List<String> consoleLines) {}

  private PageCheck open(Path page) throws Exception {
    Path dom = temp.resolve("dom.html");
    Path log = temp.resolve("chromium.log");
    Path profile = Files.createTempDirectory(temp, "profile");
    Process browser = new ProcessBuilder(chromium().orElseThrow().toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--no-first-run", "--user-data-dir=" + profile,
        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString())
        .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
    try {
      assertThat(browser.waitFor(TIMEOUT_S, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    } finally {
      browser.descendants().forEach(ProcessHandle::destroyForcibly);
      browser.destroyForcibly();
    }
    String stderr = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(browser.exitValue()).as(stderr).isZero();
    Matcher body = BODY.matcher(Files.readString(dom, StandardCharsets.UTF_8));
    assertThat(body.find()).as("a <body> in the dumped DOM").isTrue();
    List<String> console = stderr.lines().filter(line -> line.contains("CONSOLE")).collect(Collectors.toList());
    return new PageCheck(body.group(1), console);
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

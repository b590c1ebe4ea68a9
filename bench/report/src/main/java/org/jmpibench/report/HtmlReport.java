package org.jmpibench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jmpibench.results.Metric;
import org.jmpibench.results.Param;
import org.jmpibench.results.RunFiles;
import org.jmpibench.results.SecondaryMetric;

/**
 * The report page, {@code index.html}: machine and versions per run, every chart (its PNG, linking to its SVG), the
 * results missing from each grid, and every number in sortable tables.
 *
 * <p>The page is self-contained: inline CSS and script, images by relative path, no external resource, so it reads
 * the same offline, from a copied directory, or in a CI artifact. Its script sorts tables on a header click, and on
 * load records on {@code <body>} how many images loaded ({@code data-images-loaded}, {@code -total},
 * {@code -broken}) and shows a warning if any did not: the headless browser check reads these attributes.
 */
final class HtmlReport {
  private static final MathContext FOUR_DIGITS = new MathContext(4);

  private final ReportData data;
  private final String runName;
  private final List<ReportChart> charts;

  HtmlReport(ReportData data, String runName, List<ReportChart> charts) {
    this.data = data;
    this.runName = runName;
    this.charts = List.copyOf(charts);
  }

  String render() {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>jmpi-bench report: ").append(esc(runName)).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<h1>jmpi-bench report: ").append(esc(runName)).append("</h1>\n")
        .append("<p class=\"meta\">Generated ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append(" by <code>plot</code> from ")
        .append(data.runs().stream().map(r -> "<code>" + esc(r.source().getFileName().toString()) + "</code>")
            .collect(Collectors.joining(", ")))
        .append(". <span id=\"image-status\"></span></p>\n");
    appendContents(html);
    appendRuns(html);
    appendHowToRead(html);
    for (String operation : data.operations()) {
      appendOperation(html, operation);
    }
    html.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private void appendContents(StringBuilder html) {
    html.append("<nav><a href=\"#runs\">Runs, machine and versions</a> &middot; <a href=\"#reading\">How to read"
        + "</a>");
    for (String operation : data.operations()) {
      html.append(" &middot; <a href=\"#op-").append(esc(operation)).append("\">").append(esc(operation))
          .append("</a>");
    }
    html.append("</nav>\n");
  }

  private void appendRuns(StringBuilder html) {
    html.append("<section id=\"runs\">\n<h2>Runs, machine and versions</h2>\n");
    for (RunResults run : data.runs()) {
      html.append("<h3>").append(esc(run.label())).append("</h3>\n<p>Results: <code>")
          .append(esc(run.source().toString())).append("</code>, ").append(run.measurements().size())
          .append(" results.</p>\n");
      html.append("<div class=\"cols\"><div>\n<h4>Machine and versions</h4>\n");
      if (!run.context().isEmpty()) {
        appendKeyValues(html, run.context());
      } else if (run.contextProblem() != null) {
        html.append("<p class=\"warn\">Context file not shown: ").append(esc(run.contextProblem())).append("</p>\n");
      } else {
        html.append("<p>No context file (<code>")
            .append(esc(RunFiles.contextFileOf(run.source()).getFileName().toString()))
            .append("</code>) beside the results.</p>\n");
      }
      html.append("</div><div>\n<h4>JMH settings (first result)</h4>\n");
      appendKeyValues(html, run.jmhSettings());
      html.append("</div></div>\n");
    }
    html.append("</section>\n");
  }

  private static void appendKeyValues(StringBuilder html, Map<String, String> values) {
    html.append("<table class=\"kv\">\n");
    values.forEach((name, value) -> html.append("<tr><th>").append(esc(name)).append("</th><td>")
        .append(esc(value)).append("</td></tr>\n"));
    html.append("</table>\n");
  }

  private static void appendHowToRead(StringBuilder html) {
    html.append("<section id=\"reading\">\n<h2>How to read the charts</h2>\n<ul>\n")
        .append("<li>Times are JMH scores in microseconds per operation; for <em>send</em> the time of one message"
            + " one way (half a ping-pong round trip). Lower is faster.</li>\n")
        .append("<li>Sizes are in <code>int</code> elements (4 bytes each). Size charts are log-log: the flat left"
            + " part is latency, the right part bandwidth-bound.</li>\n")
        .append("<li>Error bars: JMH's 99.9% confidence interval. Where it reaches zero, the bar is cut at "
            + "a tenth of the score so a log axis can show it; such rows are marked &dagger; in the tables, which"
            + " give the real interval.</li>\n")
        .append("<li>Dashed lines: the slowest rank's time per operation (collectives), beside rank 0's, which"
            + " JMH times.</li>\n")
        .append("<li>Stacked bars (gather-average): rank 0's time in each phase, beside the score; a score taller"
            + " than its stack is time no phase accounts for.</li>\n")
        .append("<li>A gap in a line, or a line ending early, is a combination with no result (its job failed or"
            + " was not run); the missing combinations are listed under each operation. Nothing is drawn as"
            + " zero.</li>\n")
        .append("<li>Click a chart for its SVG; click a table header to sort.</li>\n</ul>\n</section>\n");
  }

  private void appendOperation(StringBuilder html, String operation) {
    html.append("<section id=\"op-").append(esc(operation)).append("\">\n<h2>").append(esc(operation))
        .append("</h2>\n");
    for (ReportChart chart : charts) {
      if (!chart.operation().equals(operation)) {
        continue;
      }
      html.append("<figure id=\"").append(esc(chart.fileStem())).append("\"><a href=\"")
          .append(esc(ChartFiles.svgName(chart))).append("\"><img src=\"").append(esc(ChartFiles.pngName(chart)))
          .append("\" width=\"").append(ChartStyle.WIDTH_PX).append("\" height=\"").append(ChartStyle.HEIGHT_PX)
          .append("\" alt=\"").append(esc(chart.title())).append("\"></a>\n<figcaption>")
          .append(esc(chart.caption())).append(" <a href=\"").append(esc(ChartFiles.svgName(chart)))
          .append("\">SVG</a></figcaption></figure>\n");
    }
    if (operation.equals(GatherAverageParts.COMPOSITE.cliName())) {
      appendParts(html);
    }
    appendMissing(html, operation);
    appendTable(html, operation);
    html.append("</section>\n");
  }

  /**
   * gather-average beside its parts from the same run: its phases at rank 0, and the suite's gather of the same
   * size + the average phase + the suite's bcast of twice as many ints (the averages' bytes).
   */
  private void appendParts(StringBuilder html) {
    List<GatherAverageParts> rows = GatherAverageParts.of(data);
    html.append("<h3 id=\"gather-average-parts\">gather-average beside its parts</h3>\n<p>Phases: rank 0's time in"
        + " each phase, from a loop after each measurement iteration. Parts: this run's <code>gather</code> of the same"
        + " size + the average phase + this run's <code>bcast</code> of twice the ints (the averages are doubles);"
        + " empty when the run did not measure them (run gather and bcast with the sizes N and 2N, e.g."
        + " <code>--ops gather,bcast,gather-average --sizes 1Ki,2Ki</code>). Score / parts near 1: the composite"
        + " costs what its parts cost.</p>\n");
    if (rows.isEmpty()) {
      html.append("<p>No gather-average results.</p>\n");
      return;
    }
    Map<SeriesKey, String> labels = data.labelsFor(
        data.keysOf(rows.stream().map(GatherAverageParts::composite).collect(Collectors.toList())));
    html.append("<table class=\"sortable\">\n<thead><tr>");
    for (String header : List.of("series", "np", "size (ints)", "score (\u00b5s/op)", "gather phase",
        "average phase", "bcast phase", "phases sum", "gather(N)", "bcast(2N)", "parts", "score / parts")) {
      html.append("<th>").append(esc(header)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (GatherAverageParts row : rows) {
      Measurement m = row.composite();
      html.append("<tr>");
      text(html, labels.get(data.keyOf(m)));
      number(html, m.ranks().getAsInt(), false);
      number(html, m.sizeElements().getAsLong(), false);
      number(html, m.time().score(), true);
      for (SecondaryMetric phase : GatherAverageParts.COMPOSITE.phases()) {
        number(html, row.phase(phase), true);
      }
      number(html, row.hasPhases() ? row.phaseSum() : Double.NaN, true);
      number(html, row.gather().map(g -> g.time().score()).orElse(Double.NaN), true);
      number(html, row.bcast().map(b -> b.time().score()).orElse(Double.NaN), true);
      number(html, row.parts(), true);
      number(html, row.ratio(), true);
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  /** Per run and rank count: the series &times; sizes grid and the cells of it that have no result. */
  private void appendMissing(StringBuilder html, String operation) {
    List<String> missing = MissingResults.describe(data, operation);
    html.append("<h3>Missing results</h3>\n");
    if (missing.isEmpty()) {
      html.append("<p>None: every series has a result at every size and rank count of its run.</p>\n");
      return;
    }
    html.append("<ul class=\"missing\">\n");
    missing.forEach(line -> html.append("<li>").append(esc(line)).append("</li>\n"));
    html.append("</ul>\n");
  }

  private void appendTable(StringBuilder html, String operation) {
    List<Measurement> rows = data.of(operation);
    boolean send = ReportData.perMessage(operation);
    boolean severalRuns = data.runs().size() > 1;
    boolean anySlowest = rows.stream().anyMatch(m -> m.slowestRank() != null);
    Set<String> otherTimes = new TreeSet<>();
    rows.forEach(m -> otherTimes.addAll(m.otherTimes().keySet()));
    Set<String> variantNames = new TreeSet<>();
    rows.forEach(m -> variantNames.addAll(m.variant().keySet()));
    // a variant column that is the same everywhere (e.g. mode=avgt) says nothing per row; the buffer kind and an
    // inter-host layout are always worth saying
    boolean acrossHosts = rows.stream().anyMatch(m -> m.hosts() > 1);
    variantNames.removeIf(name -> rows.stream().map(m -> m.variant().getOrDefault(name, "")).distinct().count() < 2
        && !name.equals(Param.BUFFER.jmhName()) && !(acrossHosts && name.equals(Param.LAYOUT.jmhName())));

    html.append("<h3>Numbers</h3>\n<table class=\"sortable\">\n<thead><tr>");
    List<String> headers = new ArrayList<>();
    if (severalRuns) {
      headers.add("run");
    }
    headers.add("backend");
    headers.addAll(variantNames);
    headers.addAll(List.of("np", "size (ints)", "bytes", send ? "one-way time (\u00b5s)" : "time (\u00b5s/op)",
        "&plusmn; 99.9%", "interval low", "interval high"));
    if (anySlowest) {
      headers.add("slowest rank (\u00b5s/op)");
    }
    otherTimes.forEach(name -> headers.add(name + " (\u00b5s/op)"));
    if (send) {
      headers.add("bandwidth (MB/s)");
    }
    for (String header : headers) {
      html.append("<th>").append(header.startsWith("&") ? header : esc(header)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Measurement m : rows) {
      html.append("<tr>");
      if (severalRuns) {
        text(html, m.run());
      }
      text(html, m.backend());
      for (String name : variantNames) {
        text(html, m.variant().getOrDefault(name, ""));
      }
      number(html, m.ranks().isPresent() ? m.ranks().getAsInt() : Double.NaN, false);
      number(html, m.sizeElements().isPresent() ? m.sizeElements().getAsLong() : Double.NaN, false);
      String bytes = m.sizeBytes().isPresent() ? Bytes.humanReadable(m.sizeBytes().getAsLong()) : "";
      html.append("<td data-v=\"").append(m.sizeBytes().isPresent() ? m.sizeBytes().getAsLong() : "")
          .append("\">").append(esc(bytes)).append("</td>");
      Metric time = m.time();
      boolean cut = LogAxisErrorBars.isCut(time.score(), time.scoreError());
      html.append("<td data-v=\"").append(raw(time.score())).append("\">").append(fmt(time.score()))
          .append(cut ? " <span title=\"error bar cut in the charts\">&dagger;</span>" : "").append("</td>");
      number(html, time.scoreError(), true);
      number(html, time.confidenceLow(), true);
      number(html, time.confidenceHigh(), true);
      if (anySlowest) {
        number(html, m.slowestRank() == null ? Double.NaN : m.slowestRank().score(), true);
      }
      for (String name : otherTimes) {
        Metric other = m.otherTimes().get(name);
        number(html, other == null ? Double.NaN : other.score(), true);
      }
      if (send) {
        number(html, m.bandwidthMBps().orElse(Double.NaN), true);
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void text(StringBuilder html, String value) {
    html.append("<td>").append(esc(value)).append("</td>");
  }

  private static void number(StringBuilder html, double value, boolean rounded) {
    html.append("<td data-v=\"").append(raw(value)).append("\">")
        .append(rounded ? fmt(value) : Double.isNaN(value) ? "" : String.valueOf((long) value)).append("</td>");
  }

  private static String raw(double value) {
    if (!Double.isFinite(value)) {
      return "";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
  }

  /** Four significant digits, plain notation; empty for an unknown value. */
  static String fmt(double value) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? "" : String.valueOf(value);
    }
    return new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String CSS = String.join("\n",
      "body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;margin:1.5em auto;max-width:1200px;"
          + "padding:0 1em;color:#222}",
      "h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;margin-top:2em}",
      ".meta{color:#555}.warn{color:#a00;font-weight:bold}",
      "nav{margin:1em 0;padding:.5em;background:#f4f4f4}",
      ".cols{display:flex;flex-wrap:wrap;gap:2em}",
      "figure{margin:1.5em 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}",
      "figcaption{color:#444;font-size:.9em;max-width:1000px}",
      "table{border-collapse:collapse;font-size:.85em;margin:.5em 0}",
      "th,td{border:1px solid #ccc;padding:.2em .5em}td[data-v]{text-align:right}",
      "table.kv th{text-align:left;background:#f4f4f4}",
      "table.sortable th{cursor:pointer;background:#eef;position:sticky;top:0}",
      "table.sortable th[data-dir=asc]::after{content:' \\25B2'}",
      "table.sortable th[data-dir=desc]::after{content:' \\25BC'}",
      "tbody tr:nth-child(even){background:#fafafa}",
      "");

  private static final String SCRIPT = String.join("\n",
      "(function(){",
      "  // Sort a table by the clicked column: numbers by their data-v value, text otherwise; unknown last.",
      "  document.querySelectorAll('table.sortable th').forEach(function(th){",
      "    th.addEventListener('click',function(){",
      "      var table=th.closest('table'),body=table.tBodies[0],col=th.cellIndex;",
      "      var asc=th.getAttribute('data-dir')!=='asc';",
      "      table.querySelectorAll('th').forEach(function(h){h.removeAttribute('data-dir');});",
      "      th.setAttribute('data-dir',asc?'asc':'desc');",
      "      var rows=Array.prototype.slice.call(body.rows);",
      "      rows.sort(function(a,b){",
      "        var x=a.cells[col],y=b.cells[col];",
      "        if(x.hasAttribute('data-v')){",
      "          var u=parseFloat(x.getAttribute('data-v')),v=parseFloat(y.getAttribute('data-v'));",
      "          if(isNaN(u))return isNaN(v)?0:1; if(isNaN(v))return -1;",
      "          return asc?u-v:v-u;}",
      "        var s=x.textContent.localeCompare(y.textContent);return asc?s:-s;});",
      "      rows.forEach(function(r){body.appendChild(r);});",
      "    });",
      "  });",
      "  // Record whether every chart loaded: shown to the reader, and read by the headless browser check.",
      "  window.addEventListener('load',function(){",
      "    var images=document.images,loaded=0,broken=[];",
      "    for(var i=0;i<images.length;i++){",
      "      if(images[i].complete&&images[i].naturalWidth>0){loaded++;}",
      "      else{broken.push(images[i].getAttribute('src'));}",
      "    }",
      "    document.body.setAttribute('data-images-total',String(images.length));",
      "    document.body.setAttribute('data-images-loaded',String(loaded));",
      "    document.body.setAttribute('data-images-broken',broken.join(' '));",
      "    if(broken.length){var s=document.getElementById('image-status');",
      "      s.className='warn';s.textContent=broken.length+' chart image(s) did not load: '+broken.join(', ');}",
      "  });",
      "})();",
      "");
}

package org.jmpibench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jmpibench.results.Metric;
import org.jmpibench.results.Param;
import org.jmpibench.results.RunFiles;
import org.jmpibench.results.SecondaryMetric;
import org.jmpibench.results.Sizes;

/**
 * The report page, {@code index.html}. Its first screen is what a reader came for: one line per run saying what ran
 * where, the {@link Summary} (fastest backend per operation and size band), then the charts, operation by operation
 * (each chart's PNG, linking to its SVG), each operation's missing results, and its numbers in a sortable table,
 * folded. How to read the charts and the runs' full context (machine, versions, JMH settings, failed jobs) are folded
 * at the end.
 *
 * <p>The page is self-contained: inline CSS and script, images by relative path, no external resource, so it reads the
 * same offline, from a copied directory, or in a CI artifact. Its script sorts tables on a header click, and on load
 * records on {@code <body>} how many images loaded ({@code data-images-loaded}, {@code -total}, {@code -broken}) and
 * shows a warning if any did not, and where the summary and the first chart are on the screen
 * ({@code data-summary-top}, {@code data-first-chart}: left, top, width, height in CSS pixels): the headless browser
 * checks read these attributes.
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
                .append("<title>jmpi-bench report: ")
                .append(esc(runName))
                .append("</title>\n")
                .append("<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n")
                .append("<h1>jmpi-bench report: ")
                .append(esc(runName))
                .append("</h1>\n")
                .append("<p class=\"meta\">Generated ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" by <code>plot</code> from ")
                .append(data.runs().stream()
                        .map(r -> "<code>" + esc(r.source().getFileName().toString()) + "</code>")
                        .collect(Collectors.joining(", ")))
                .append(". <span id=\"image-status\"></span></p>\n");
        appendRunLines(html);
        appendContents(html);
        appendSummary(html);
        for (String operation : data.operations()) {
            appendOperation(html, operation);
        }
        appendHowToRead(html);
        appendRuns(html);
        html.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private void appendContents(StringBuilder html) {
        html.append("<nav><a href=\"#summary\">Summary</a>");
        for (String operation : data.operations()) {
            html.append(" &middot; <a href=\"#op-")
                    .append(esc(operation))
                    .append("\">")
                    .append(esc(operation))
                    .append("</a>");
        }
        html.append(" &middot; <a href=\"#reading\">How to read</a> &middot; <a href=\"#runs\">Runs, machine and"
                + " versions</a></nav>\n");
    }

    /** One line per run: where it ran, on what, from which commit, with which JMH settings. */
    private void appendRunLines(StringBuilder html) {
        html.append("<ul class=\"runlines\">\n");
        for (RunResults run : data.runs()) {
            html.append("<li>")
                    .append(data.runs().size() > 1 ? "<b>" + esc(run.label()) + "</b>: " : "")
                    .append(esc(RunLine.of(run)))
                    .append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private void appendSummary(StringBuilder html) {
        List<Summary.Row> rows = Summary.rows(data);
        if (rows.isEmpty()) {
            return;
        }
        boolean severalRuns = data.runs().size() > 1;
        // a long summary (many operations, rank counts, runs) scrolls in its box, so the charts still start on the
        // first screen
        html.append("<section id=\"summary\">\n<h2>Fastest backend per operation and message size</h2>\n")
                .append("<div class=\"summary-box\"><table class=\"summary\">\n<thead><tr>")
                .append(severalRuns ? "<th>run</th>" : "")
                .append("<th>operation</th><th>np</th>");
        for (Summary.Band band : Summary.Band.values()) {
            html.append("<th>").append(esc(band.title())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Summary.Row row : rows) {
            Map<SeriesKey, String> labels = summaryLabels(row);
            html.append("<tr>")
                    .append(severalRuns ? "<td>" + esc(row.run().label()) + "</td>" : "")
                    .append("<td><a href=\"#op-")
                    .append(esc(row.operation()))
                    .append("\">")
                    .append(esc(row.operation()))
                    .append("</a></td><td>")
                    .append(row.ranks())
                    .append("</td>");
            for (Summary.Band band : Summary.Band.values()) {
                Summary.Cell cell = row.cells().get(band);
                html.append("<td title=\"")
                        .append(esc(cell == null ? "" : Summary.sizesOf(data, row, band)))
                        .append("\">");
                if (cell != null) {
                    html.append(swatch(cell.winner()))
                            .append("<b>")
                            .append(esc(labels.get(cell.winner())))
                            .append("</b>");
                    if (cell.runnerUp() != null) {
                        String factor = String.format(Locale.ROOT, "%.1f&times;", cell.factor());
                        html.append(cell.clear() ? " " + factor + " ahead of " : " &asymp; ")
                                .append(esc(labels.get(cell.runnerUp())))
                                .append(cell.clear() ? "" : " <span class=\"meta\">(" + factor + ")</span>");
                    }
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append(
                "</tbody>\n</table></div>\n<p class=\"meta\">Per band, the lowest geometric mean time over its sizes"
                        + " (hover a cell), among the series measured at all of them, and the factor to the next. &asymp;: their"
                        + " 99.9% error bars overlap at some size, no clear lead. Compare within a run.</p>\n</section>\n");
    }

    /** The series' labels as the charts give them, without the run (the row says which run). */
    private Map<SeriesKey, String> summaryLabels(Summary.Row row) {
        List<Measurement> group = data.of(row.operation()).stream()
                .filter(m -> m.run().equals(row.run().label())
                        && m.ranks().isPresent()
                        && m.ranks().getAsInt() == row.ranks())
                .collect(Collectors.toList());
        Map<SeriesKey, String> labels = new LinkedHashMap<>(data.labelsFor(data.keysOf(group)));
        labels.replaceAll((key, label) ->
                label.startsWith(key.run() + ": ") ? label.substring(key.run().length() + 2) : label);
        return labels;
    }

    /** A small square in the series' colour, as in the charts. */
    private static String swatch(SeriesKey key) {
        return "<span class=\"swatch\" style=\"background:#"
                + String.format("%06x", ChartStyle.colorOf(key.backend()).getRGB() & 0xFFFFFF) + "\"></span>";
    }

    private void appendRuns(StringBuilder html) {
        html.append("<details id=\"runs\">\n<summary>Runs, machine and versions</summary>\n");
        for (RunResults run : data.runs()) {
            html.append("<h3>")
                    .append(esc(run.label()))
                    .append("</h3>\n<p>Results: <code>")
                    .append(esc(run.source().toString()))
                    .append("</code>, ")
                    .append(run.measurements().size())
                    .append(" results.</p>\n");
            html.append("<div class=\"cols\"><div>\n<h4>Machine and versions</h4>\n");
            if (!run.context().isEmpty()) {
                appendKeyValues(html, run.context());
            } else if (run.contextProblem() != null) {
                html.append("<p class=\"warn\">Context file not shown: ")
                        .append(esc(run.contextProblem()))
                        .append("</p>\n");
            } else {
                html.append("<p>No context file (<code>")
                        .append(esc(RunFiles.contextFileOf(run.source())
                                .getFileName()
                                .toString()))
                        .append("</code>) beside the results.</p>\n");
            }
            html.append("</div><div>\n<h4>JMH settings (first result)</h4>\n");
            appendKeyValues(html, run.jmhSettings());
            html.append("</div></div>\n");
        }
        html.append("</details>\n");
    }

    private static void appendKeyValues(StringBuilder html, Map<String, String> values) {
        html.append("<table class=\"kv\">\n");
        values.forEach((name, value) -> html.append("<tr><th>")
                .append(esc(name))
                .append("</th><td>")
                .append(esc(
                        name.endsWith("Bytes") && value.matches("\\d+")
                                ? Sizes.formatBytes(Long.parseLong(value)) + " (" + value + " bytes)"
                                : value))
                .append("</td></tr>\n"));
        html.append("</table>\n");
    }

    private static void appendHowToRead(StringBuilder html) {
        html.append("<details id=\"reading\">\n<summary>How to read the charts</summary>\n<ul>\n")
                .append(
                        "<li>Times are JMH scores in microseconds per operation; for <em>send</em> the time of one message"
                                + " one way (half a ping-pong round trip). Lower is faster.</li>\n")
                .append(
                        "<li>Sizes are in bytes (the benchmarks send <code>int</code>s, 4 bytes each; tables also give the"
                                + " count of ints). Size charts are log-log: the flat left part is latency, the right part"
                                + " bandwidth-bound.</li>\n")
                .append(
                        "<li>Colour: the backend, the same in every chart and every report. Marker: the variant (buffer"
                                + " kind, idle strategy). Line style: the run, when several are drawn together (the first solid).</li>\n")
                .append("<li>Error bars: JMH's 99.9% confidence interval. Where it reaches zero, the bar is cut at "
                        + "a tenth of the score so a log axis can show it; such rows are marked &dagger; in the tables, which"
                        + " give the real interval.</li>\n")
                .append(
                        "<li>Thin pale lines: the slowest rank's time per operation (collectives), beside rank 0's, which"
                                + " JMH times.</li>\n")
                .append(
                        "<li>Stacked bars (gather-average): rank 0's time in each phase, beside the score; a score taller"
                                + " than its stack is time no phase accounts for.</li>\n")
                .append(
                        "<li>A gap in a line, or a line ending early, is a combination with no result (its job failed or"
                                + " was not run); the missing combinations are listed under each operation. Nothing is drawn as"
                                + " zero.</li>\n")
                .append("<li>Click a chart for its SVG; click a table header to sort.</li>\n</ul>\n</details>\n");
    }

    private void appendOperation(StringBuilder html, String operation) {
        html.append("<section id=\"op-")
                .append(esc(operation))
                .append("\">\n<h2>")
                .append(esc(operation))
                .append("</h2>\n");
        for (ReportChart chart : charts) {
            if (!chart.operation().equals(operation)) {
                continue;
            }
            html.append("<figure id=\"")
                    .append(esc(chart.fileStem()))
                    .append("\"><a href=\"")
                    .append(esc(ChartFiles.svgName(chart)))
                    .append("\"><img src=\"")
                    .append(esc(ChartFiles.pngName(chart)))
                    .append("\" width=\"")
                    .append(ChartStyle.WIDTH_PX)
                    .append("\" height=\"")
                    .append(ChartStyle.HEIGHT_PX)
                    .append("\" alt=\"")
                    .append(esc(chart.title()))
                    .append("\"></a>\n<figcaption>")
                    .append(esc(chart.caption()))
                    .append(" <a href=\"")
                    .append(esc(ChartFiles.svgName(chart)))
                    .append("\">SVG</a></figcaption></figure>\n");
        }
        if (operation.equals(GatherAverageParts.COMPOSITE.cliName())) {
            appendParts(html);
        }
        appendMissing(html, operation);
        html.append("<details class=\"numbers\"><summary>Numbers: every result of ")
                .append(esc(operation))
                .append("</summary>\n");
        appendTable(html, operation);
        html.append("</details>\n</section>\n");
    }

    /**
     * gather-average beside its parts from the same run: its phases at rank 0, and the suite's gather of the same size
     * + the average phase + the suite's bcast of twice as many ints (the averages' bytes).
     */
    private void appendParts(StringBuilder html) {
        List<GatherAverageParts> rows = GatherAverageParts.of(data);
        html.append("<h3 id=\"gather-average-parts\">gather-average beside its parts</h3>\n<p>Phases: rank 0's time in"
                + " each phase, from a loop after each measurement iteration. Parts: this run's <code>gather</code> of the same"
                + " size + the average phase + this run's <code>bcast</code> of twice the ints (the averages are doubles);"
                + " empty when the run did not measure them (run gather and bcast with the sizes N and 2N, e.g."
                + " <code>--ops gather,bcast,gather-average --sizes 1Ki,2Ki</code>). Score / parts near 1: the composite"
                + " costs what its parts cost. Beside it, the same result computed the MPI way: this run's"
                + " <code>allreduce-average</code> of the same size (every rank ends with the averages either way);"
                + " below 1, gather-average is the faster.</p>\n");
        if (rows.isEmpty()) {
            html.append("<p>No gather-average results.</p>\n");
            return;
        }
        Map<SeriesKey, String> labels = data.labelsFor(
                data.keysOf(rows.stream().map(GatherAverageParts::composite).collect(Collectors.toList())));
        html.append("<table class=\"sortable\">\n<thead><tr>");
        for (String header : List.of(
                "series",
                "np",
                "size (ints)",
                "bytes",
                "score (\u00b5s/op)",
                "gather phase",
                "average phase",
                "bcast phase",
                "phases sum",
                "gather(N)",
                "bcast(2N)",
                "parts",
                "score / parts",
                "allreduce-average",
                "score / allreduce-average")) {
            html.append("<th>").append(esc(header)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (GatherAverageParts row : rows) {
            Measurement m = row.composite();
            html.append("<tr>");
            text(html, labels.get(data.keyOf(m)));
            number(html, m.ranks().getAsInt(), false);
            number(html, m.sizeElements().getAsLong(), false);
            bytes(html, m);
            number(html, m.time().score(), true);
            for (SecondaryMetric phase : GatherAverageParts.COMPOSITE.phases()) {
                number(html, row.phase(phase), true);
            }
            number(html, row.hasPhases() ? row.phaseSum() : Double.NaN, true);
            number(html, row.gather().map(g -> g.time().score()).orElse(Double.NaN), true);
            number(html, row.bcast().map(b -> b.time().score()).orElse(Double.NaN), true);
            number(html, row.parts(), true);
            number(html, row.ratio(), true);
            number(html, row.allreduceAverage().map(a -> a.time().score()).orElse(Double.NaN), true);
            number(html, row.ratioToAllreduceAverage(), true);
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
        variantNames.removeIf(name -> rows.stream()
                                .map(m -> m.variant().getOrDefault(name, ""))
                                .distinct()
                                .count()
                        < 2
                && !name.equals(Param.BUFFER.jmhName())
                && !(acrossHosts && name.equals(Param.LAYOUT.jmhName())));

        html.append("<table class=\"sortable\">\n<thead><tr>");
        List<String> headers = new ArrayList<>();
        if (severalRuns) {
            headers.add("run");
        }
        headers.add("backend");
        headers.addAll(variantNames);
        headers.addAll(List.of(
                "np",
                "size (ints)",
                "bytes",
                send ? "one-way time (\u00b5s)" : "time (\u00b5s/op)",
                "&plusmn; 99.9%",
                "interval low",
                "interval high"));
        if (anySlowest) {
            headers.add("slowest rank (\u00b5s/op)");
        }
        otherTimes.forEach(name -> headers.add(name + " (\u00b5s/op)"));
        if (send) {
            headers.add("bandwidth (MB/s)");
        }
        for (String header : headers) {
            html.append("<th>")
                    .append(header.startsWith("&") ? header : esc(header))
                    .append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Measurement m : rows) {
            html.append("<tr>");
            if (severalRuns) {
                text(html, m.run());
            }
            text(html, m.backend());
            for (String name : variantNames) {
                // a variant leaves neutral values out (Measurement#variant): the file's value, or the neutral one it
                // predates
                text(
                        html,
                        m.variant()
                                .getOrDefault(
                                        name,
                                        m.params()
                                                .getOrDefault(
                                                        name,
                                                        Param.byJmhName(name)
                                                                .flatMap(Param::neutralValue)
                                                                .orElse(""))));
            }
            number(html, m.ranks().isPresent() ? m.ranks().getAsInt() : Double.NaN, false);
            number(html, m.sizeElements().isPresent() ? m.sizeElements().getAsLong() : Double.NaN, false);
            bytes(html, m);
            Metric time = m.time();
            boolean cut = LogAxisErrorBars.isCut(time.score(), time.scoreError());
            html.append("<td data-v=\"")
                    .append(raw(time.score()))
                    .append("\">")
                    .append(fmt(time.score()))
                    .append(cut ? " <span title=\"error bar cut in the charts\">&dagger;</span>" : "")
                    .append("</td>");
            number(html, time.scoreError(), true);
            number(html, time.confidenceLow(), true);
            number(html, time.confidenceHigh(), true);
            if (anySlowest) {
                number(
                        html,
                        m.slowestRank() == null ? Double.NaN : m.slowestRank().score(),
                        true);
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

    /** The message size in bytes, readable ({@code 4 KiB}), sorted by the byte count. */
    private static void bytes(StringBuilder html, Measurement m) {
        String bytes =
                m.sizeBytes().isPresent() ? Sizes.formatBytes(m.sizeBytes().getAsLong()) : "";
        html.append("<td data-v=\"")
                .append(m.sizeBytes().isPresent() ? m.sizeBytes().getAsLong() : "")
                .append("\">")
                .append(esc(bytes))
                .append("</td>");
    }

    private static void text(StringBuilder html, String value) {
        html.append("<td>").append(esc(value)).append("</td>");
    }

    private static void number(StringBuilder html, double value, boolean rounded) {
        html.append("<td data-v=\"")
                .append(raw(value))
                .append("\">")
                .append(rounded ? fmt(value) : Double.isNaN(value) ? "" : String.valueOf((long) value))
                .append("</td>");
    }

    private static String raw(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.valueOf(value);
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

    private static final String CSS = String.join(
            "\n",
            "body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;margin:1.5em auto;max-width:1200px;"
                    + "padding:0 1em;color:#222}",
            "h1{font-size:1.6em;margin:.3em 0}h2{border-bottom:1px solid #ccc;margin-top:1.2em}",
            ".meta{color:#555}.warn{color:#a00;font-weight:bold}",
            "nav{margin:.8em 0;padding:.4em .5em;background:#f4f4f4}",
            "ul.runlines{margin:.3em 0;padding-left:1.2em;color:#444;font-size:.9em}",
            "table.summary{font-size:.9em;margin:0}table.summary td{text-align:left;white-space:nowrap}",
            ".summary-box{max-height:30vh;overflow:auto;margin:.3em 0}",
            "table.summary thead th{position:sticky;top:0;background:#fff}",
            "section#summary h2{margin-top:.6em}section#summary p.meta{font-size:.85em;margin:.2em 0}",
            ".swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;vertical-align:baseline}",
            "details>summary{cursor:pointer;font-weight:bold;margin:1em 0 .5em}",
            "details#runs>summary,details#reading>summary{font-size:1.3em;border-bottom:1px solid #ccc}",
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

    private static final String SCRIPT = String.join(
            "\n",
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
            "    // Where the summary and the first chart are on the first screen: read by the first-screen check.",
            "    var summary=document.getElementById('summary'),chart=document.querySelector('figure img');",
            "    if(summary){document.body.setAttribute('data-summary-top',String(Math.round("
                    + "summary.getBoundingClientRect().top)));}",
            "    if(chart){var r=chart.getBoundingClientRect();document.body.setAttribute('data-first-chart',"
                    + "[r.left,r.top,r.width,r.height].map(Math.round).join(','));}",
            "    if(broken.length){var s=document.getElementById('image-status');",
            "      s.className='warn';s.textContent=broken.length+' chart image(s) did not load: '+broken.join(', ');}",
            "  });",
            "})();",
            "");
}

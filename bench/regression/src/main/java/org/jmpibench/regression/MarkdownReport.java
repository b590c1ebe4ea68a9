package org.jmpibench.regression;

import java.nio.file.Path;
import java.util.List;

/**
 * The report as GitHub-flavoured Markdown, for a CI comment: a heading with the outcome, the files and
 * settings, and one table row per compared metric, regressions first.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The Markdown text, ending with a line break. */
    public static String render(ComparisonReport report) {
        String prefix = Cells.commonPackagePrefix(report.rows());
        StringBuilder out = new StringBuilder();
        int regressions = report.rows(Verdict.REGRESSED).size();
        out.append("### JMH comparison: ")
                .append(regressions == 0 ? "no regression" : regressions + (regressions == 1 ? " regression" : " regressions"))
                .append("\n\n");
        out.append("Baseline ").append(code(report.baselineFile()))
                .append(", current ").append(code(report.currentFile()))
                .append(". A verdict needs p < ").append(VerdictRule.fmt(report.options().alpha()))
                .append(" (Mann-Whitney U on per-iteration scores) and a change beyond ")
                .append(VerdictRule.percent(report.options().threshold()))
                .append(" between the medians shown.")
                .append(prefix.isEmpty() ? "" : " Benchmarks in `" + prefix.substring(0, prefix.length() - 1) + "`.")
                .append("\n\n");
        out.append("**").append(report.summaryLine()).append("**\n\n");
        List<String> headers = Cells.HEADERS;
        out.append(row(headers));
        StringBuilder rule = new StringBuilder("|");
        for (String h : headers) {
            boolean numeric = h.equals("Baseline") || h.equals("Current") || h.equals("Change") || h.equals("p");
            rule.append(numeric ? " ---: |" : " --- |");
        }
        out.append(rule).append('\n');
        for (Verdict verdict : Verdict.values()) {
            for (MetricComparison r : report.rows(verdict)) {
                List<String> cells = new java.util.ArrayList<>(Cells.of(r, prefix));
                int v = headers.indexOf("Verdict");
                if (r.verdict() == Verdict.REGRESSED) {
                    cells.set(v, "**" + cells.get(v) + "**");
                }
                out.append(row(cells));
            }
        }
        return out.toString();
    }

    private static String row(List<String> cells) {
        StringBuilder line = new StringBuilder("|");
        for (String cell : cells) {
            line.append(' ').append(escape(cell)).append(" |");
        }
        return line.append('\n').toString();
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|").replace("\n", " ");
    }

    private static String code(Path path) {
        return path == null ? "(in memory)" : "`" + path + "`";
    }
}

package org.jmpibench.regression;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jmpibench.results.RunContext;

/**
 * The report as GitHub-flavoured Markdown, for a pull request comment, and the one place that renders a comparison as
 * Markdown ({@code compare} and {@code ab} alike):
 *
 * <ol>
 *   <li>a one-line verdict (a heading; warnings such as runs on different machines are part of it);
 *   <li>one line of context: each side's commit and whether its tree was dirty, and host, CPU and JVM (a difference in
 *       bold);
 *   <li>the regressions, then the improvements, as tables;
 *   <li>folded in {@code <details>}: every other row, the two contexts side by side with the notes, and how the verdict
 *       was reached.
 * </ol>
 *
 * The text is never longer than {@value #MAX_CHARS} characters (GitHub refuses comments over 65,536): rows that do not
 * fit are left out, in the order above (so regressions are the last to go), with a line saying how many and where they
 * all are.
 */
public final class MarkdownReport {

    /** The longest text rendered. */
    public static final int MAX_CHARS = 65_000;
    /** Kept free while rows are added: the truncation note and the closing tags of the sections still to come. */
    private static final int RESERVE = 700;

    private MarkdownReport() {}

    /** The Markdown text, ending with a line break. */
    public static String render(ComparisonReport report) {
        return render(report, MAX_CHARS);
    }

    static String render(ComparisonReport report, int maxChars) {
        Budget out = new Budget(maxChars);
        String prefix = Cells.commonPackagePrefix(report.rows());
        out.append("### "
                + (report.hasRegression() ? "\u274c " : report.warnings().isEmpty() ? "\u2705 " : "\u26a0\ufe0f ")
                + escape(report.verdictLine()) + "\n\n");
        out.append(contextLine(report) + "\n\n");
        List<MetricComparison> rest = new ArrayList<>();
        List<MetricComparison> regressed = report.rows(Verdict.REGRESSED);
        List<MetricComparison> improved = report.rows(Verdict.IMPROVED);
        for (MetricComparison row : report.rows()) {
            if (row.verdict() != Verdict.REGRESSED && row.verdict() != Verdict.IMPROVED) {
                rest.add(row);
            }
        }
        if (!regressed.isEmpty()) {
            out.append("#### Regressions (" + regressed.size() + ")\n\n");
            table(out, report, regressed, prefix);
        }
        if (!improved.isEmpty()) {
            out.append("#### Improvements (" + improved.size() + ")\n\n");
            table(out, report, improved, prefix);
        }
        if (!rest.isEmpty()) {
            if (out.append("<details><summary>" + rest.size() + " other " + (rest.size() == 1 ? "row" : "rows") + ": "
                    + escape(report.summaryLine()) + "</summary>\n\n")) {
                table(out, report, rest, prefix);
                out.appendAlways("</details>\n\n");
            } else {
                out.leftOut(rest.size());
            }
        }
        if (out.append("<details><summary>Context: " + report.baseline().name() + " and "
                + report.current().name() + "</summary>\n\n")) {
            contextTable(out, report);
            for (String note : report.notes()) {
                out.append("- " + escape(note) + "\n");
            }
            out.appendAlways("\n</details>\n\n");
        }
        if (out.append("<details><summary>How this was decided</summary>\n\n" + escape(report.method())
                + (prefix.isEmpty() ? "" : " Benchmarks in `" + prefix.substring(0, prefix.length() - 1) + "`.")
                + "\n\n")) {
            out.appendAlways("</details>\n");
        }
        return out.text();
    }

    /** {@code base `abc1234` · head `def5678` (dirty) · host `vm` · CPU `...` · JVM `17.0.15`}. */
    private static String contextLine(ComparisonReport report) {
        RunContext base = report.baseline().context();
        RunContext head = report.current().context();
        List<String> parts = new ArrayList<>();
        parts.add(
                report.baseline().name() + " " + commit(base, report.baseline().file()));
        parts.add(report.current().name() + " " + commit(head, report.current().file()));
        if (base != null && head != null) {
            Map<String, String> a = base.flatten();
            Map<String, String> b = head.flatten();
            for (Map.Entry<String, String> field : lineFields().entrySet()) {
                String x = a.get(field.getKey());
                String y = b.get(field.getKey());
                if (x == null && y == null) {
                    continue;
                }
                parts.add(
                        Objects.equals(x, y)
                                ? field.getValue() + " " + code(x)
                                : "**" + field.getValue() + " differs**: " + code(x) + " vs " + code(y));
            }
        } else {
            parts.add("no context file for "
                    + (base == null
                            ? report.baseline().name()
                            : report.current().name()) + ": host, CPU and JVM unknown");
        }
        return String.join(" \u00b7 ", parts);
    }

    private static Map<String, String> lineFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("host", "host");
        fields.put("cpuModel", "CPU");
        fields.put("jvm.version", "JVM");
        return fields;
    }

    private static String commit(RunContext context, Path file) {
        if (context == null || context.gitCommit() == null) {
            return file == null ? "(in memory)" : code(file.getFileName().toString());
        }
        String commit = context.gitCommit();
        String shortCommit = code(commit.substring(0, Math.min(10, commit.length())));
        return shortCommit + (context.gitDirty().orElse(false) ? " (dirty)" : "");
    }

    /** The two contexts side by side: what a reader needs to judge whether the numbers are comparable. */
    private static void contextTable(Budget out, ComparisonReport report) {
        RunContext base = report.baseline().context();
        RunContext head = report.current().context();
        Map<String, String> a = base == null ? Map.of() : base.flatten();
        Map<String, String> b = head == null ? Map.of() : head.flatten();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("git.commit", "commit");
        fields.put("git.dirty", "dirty");
        fields.put("host", "host");
        fields.put("cpuModel", "CPU");
        fields.put("cores", "cores");
        fields.put("memoryBytes", "memory (bytes)");
        fields.put("os.name", "OS");
        fields.put("os.version", "OS version");
        fields.put("jvm.vendor", "JVM vendor");
        fields.put("jvm.version", "JVM version");
        fields.put("jmh.version", "JMH");
        fields.put("started", "started");
        fields.put("complete", "complete");
        out.append("| | " + report.baseline().name() + " | " + report.current().name() + " |\n| --- | --- | --- |\n");
        out.append("| results | " + file(report.baseline().file()) + " | "
                + file(report.current().file()) + " |\n");
        fields.forEach((key, label) -> {
            String x = a.get(key);
            String y = b.get(key);
            if (x != null || y != null) {
                // Commits and start times differ by design; a difference elsewhere is worth a look.
                boolean differs = !Objects.equals(x, y) && !key.startsWith("git.") && !key.equals("started");
                out.append("| " + label + " | " + cell(x, differs) + " | " + cell(y, differs) + " |\n");
            }
        });
        out.append("\n");
    }

    private static String cell(String value, boolean bold) {
        String text = value == null ? "-" : escape(value);
        return bold ? "**" + text + "**" : text;
    }

    private static String file(Path path) {
        return path == null ? "(in memory)" : code(path.toString());
    }

    private static void table(Budget out, ComparisonReport report, List<MetricComparison> rows, String prefix) {
        List<String> headers = Cells.headers(report);
        StringBuilder head = new StringBuilder(row(headers));
        head.append('|');
        for (int c = 0; c < headers.size(); c++) {
            head.append(Cells.isNumeric(report, c) ? " ---: |" : " --- |");
        }
        head.append('\n');
        if (!out.append(head.toString())) {
            out.leftOut(rows.size());
            return;
        }
        int verdict = headers.indexOf(Cells.VERDICT);
        for (int i = 0; i < rows.size(); i++) {
            MetricComparison r = rows.get(i);
            List<String> cells = new ArrayList<>(Cells.of(report, r, prefix));
            if (r.verdict() == Verdict.REGRESSED) {
                cells.set(verdict, "**" + cells.get(verdict) + "**");
            }
            if (!out.append(row(cells))) {
                out.leftOut(rows.size() - i);
                return;
            }
        }
        out.append("\n");
    }

    private static String row(List<String> cells) {
        StringBuilder line = new StringBuilder("|");
        for (String cell : cells) {
            line.append(' ').append(escape(cell)).append(" |");
        }
        return line.append('\n').toString();
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace("\n", " ");
    }

    private static String code(String text) {
        return text == null ? "-" : "`" + text.replace("`", "'") + "`";
    }

    /**
     * The text so far, and what is left of the character budget: an append that would leave less than the reserve is
     * refused (the caller says what it left out), and once anything was refused only closing tags and the one note are
     * added.
     */
    private static final class Budget {
        private final StringBuilder text = new StringBuilder();
        private final int limit;
        private int leftOut;

        Budget(int limit) {
            this.limit = limit;
        }

        boolean append(String s) {
            if (leftOut > 0 || text.length() + s.length() > limit - RESERVE) {
                return false;
            }
            text.append(s);
            return true;
        }

        /** Closing tags: always, so the page stays well-formed; the reserve is for them. */
        void appendAlways(String s) {
            text.append(s);
        }

        void leftOut(int rows) {
            if (leftOut == 0) {
                text.append("\n");
            }
            leftOut += rows;
        }

        String text() {
            if (leftOut > 0) {
                text.append("\n> **")
                        .append(leftOut)
                        .append(leftOut == 1 ? " row" : " rows")
                        .append(" left out** to stay under GitHub's comment limit; every row is in the text and "
                                + "JSON reports.\n");
            }
            return text.toString();
        }
    }
}

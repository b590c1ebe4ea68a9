package org.jmpibench.regression;

import java.util.ArrayList;
import java.util.List;

/**
 * The report for a terminal or CI log: fixed-width columns, numbers right-aligned, then the summary, the notes and,
 * last (where a CI log's reader looks), the verdict line.
 */
public final class TextTableReport {

    private static final String GAP = "  ";

    private TextTableReport() {}

    /** Every row. */
    public static String render(ComparisonReport report) {
        return render(report, false);
    }

    /**
     * The table, summary, notes and verdict, ending with a line break.
     *
     * @param changedOnly leave out the unchanged rows (their number is said instead)
     */
    public static String render(ComparisonReport report, boolean changedOnly) {
        String prefix = Cells.commonPackagePrefix(report.rows());
        List<String> headers = Cells.headers(report);
        List<List<String>> lines = new ArrayList<>();
        lines.add(headers);
        int hidden = 0;
        for (MetricComparison row : report.rows()) {
            if (changedOnly && row.verdict() == Verdict.UNCHANGED) {
                hidden++;
            } else {
                lines.add(Cells.of(report, row, prefix));
            }
        }
        int columns = headers.size();
        int[] widths = new int[columns];
        for (List<String> line : lines) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    text.append(GAP);
                }
                boolean last = c == columns - 1;
                text.append(last ? line.get(c) : pad(line.get(c), widths[c], Cells.isNumeric(report, c)));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        if (hidden > 0) {
            out.append("(")
                    .append(hidden)
                    .append(" unchanged ")
                    .append(hidden == 1 ? "row" : "rows")
                    .append(" not shown: --changed-only)\n");
        }
        out.append('\n').append(summary(report)).append('\n');
        for (String note : report.notes()) {
            out.append("note: ").append(note).append('\n');
        }
        out.append(report.verdictLine()).append('\n');
        return out.toString();
    }

    /** {@code 1 regressed, ... (threshold 10%, alpha 0.01; benchmarks in org.x)}. */
    static String summary(ComparisonReport report) {
        String prefix = Cells.commonPackagePrefix(report.rows());
        return report.summaryLine() + " (" + report.method()
                + (prefix.isEmpty() ? "" : "; benchmarks in " + prefix.substring(0, prefix.length() - 1)) + ")";
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(width - text.length());
        return right ? fill + text : text + fill;
    }
}

package org.jmpibench.regression;

import java.util.ArrayList;
import java.util.List;

/**
 * The report for a terminal or CI log: fixed-width columns, numbers right-aligned, then one summary line.
 * Baseline and Current are medians of the iteration scores, in the unit shown.
 */
public final class TextTableReport {

    private static final String GAP = "  ";

    private TextTableReport() {
    }

    /** The table and summary, ending with a line break. */
    public static String render(ComparisonReport report) {
        String prefix = Cells.commonPackagePrefix(report.rows());
        List<List<String>> lines = new ArrayList<>();
        lines.add(Cells.HEADERS);
        for (MetricComparison row : report.rows()) {
            lines.add(Cells.of(row, prefix));
        }
        int columns = Cells.HEADERS.size();
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
                text.append(last ? line.get(c) : pad(line.get(c), widths[c], isNumeric(c)));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        out.append('\n').append(summary(report)).append('\n');
        return out.toString();
    }

    /** {@code 1 regressed, ... (threshold 10%, alpha 0.01; values are medians, package org.x.)}. */
    static String summary(ComparisonReport report) {
        String prefix = Cells.commonPackagePrefix(report.rows());
        return report.summaryLine() + " (threshold " + VerdictRule.percent(report.options().threshold())
                + ", alpha " + VerdictRule.fmt(report.options().alpha()) + "; values are medians of iterations"
                + (prefix.isEmpty() ? "" : "; benchmarks in " + prefix.substring(0, prefix.length() - 1)) + ")";
    }

    private static boolean isNumeric(int column) {
        String header = Cells.HEADERS.get(column);
        return header.equals("Baseline") || header.equals("Current") || header.equals("Change")
                || header.equals("p");
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(width - text.length());
        return right ? fill + text : text + fill;
    }
}

package org.jmpibench.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The cell texts that the table and Markdown reports share, so both show the same figures. */
final class Cells {

    static final String VERDICT = "Verdict";
    private static final List<String> NUMERIC = List.of("Change", "Interval", "p");

    private Cells() {}

    /**
     * Column headers: the two sides are named as the report names them ({@code Baseline}, {@code Current};
     * {@code Base}, {@code Head}); {@code Interval} only when rows have one.
     */
    static List<String> headers(ComparisonReport report) {
        List<String> headers = new ArrayList<>(List.of(
                "Benchmark",
                "Params",
                "Mode",
                capitalised(report.baseline().name()),
                capitalised(report.current().name()),
                "Unit",
                "Change"));
        if (report.hasIntervals()) {
            headers.add("Interval");
        }
        headers.addAll(List.of("p", VERDICT, "Why"));
        return headers;
    }

    /** Whether the column holds numbers (right-aligned). */
    static boolean isNumeric(ComparisonReport report, int column) {
        List<String> headers = headers(report);
        return column == 3 || column == 4 || NUMERIC.contains(headers.get(column));
    }

    /** The cells of one row, in {@link #headers} order; {@code prefix} is cut from the benchmark name. */
    static List<String> of(ComparisonReport report, MetricComparison row, String prefix) {
        List<String> cells = new ArrayList<>(List.of(
                cut(row.displayName(), prefix),
                row.key().paramsText(),
                row.key().mode(),
                number(row.baselineMedian()),
                number(row.currentMedian()),
                row.unit().label(),
                change(row.change())));
        if (report.hasIntervals()) {
            cells.add(interval(row));
        }
        cells.addAll(List.of(VerdictRule.fmtP(row.pValue()), row.verdict().label(), row.reason()));
        return cells;
    }

    /** {@code PingPong.send backend=shm np=2 size=1}: the class and method, and the parameters. */
    static String shortName(MetricComparison row) {
        String name = row.displayName();
        int methodDot = row.key().benchmark().lastIndexOf('.');
        int classDot = methodDot <= 0 ? -1 : row.key().benchmark().lastIndexOf('.', methodDot - 1);
        String params = row.key().paramsText();
        return name.substring(classDot + 1) + (params.isEmpty() ? "" : " " + params);
    }

    private static String cut(String name, String prefix) {
        return !prefix.isEmpty() && name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    private static String capitalised(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * The package prefix shared by all benchmark names, e.g. {@code org.jmpibench.harness.}, so tables show
     * {@code PingPong.send}; never cuts into the class and method name.
     */
    static String commonPackagePrefix(List<MetricComparison> rows) {
        String prefix = null;
        for (MetricComparison row : rows) {
            String name = row.key().benchmark();
            int methodDot = name.lastIndexOf('.');
            int classDot = methodDot <= 0 ? -1 : name.lastIndexOf('.', methodDot - 1);
            String own = classDot < 0 ? "" : name.substring(0, classDot + 1);
            if (prefix == null) {
                prefix = own;
            } else {
                int i = 0;
                while (i < prefix.length() && i < own.length() && prefix.charAt(i) == own.charAt(i)) {
                    i++;
                }
                prefix = prefix.substring(0, prefix.lastIndexOf('.', i - 1) + 1);
            }
        }
        return prefix == null ? "" : prefix;
    }

    /** About four significant digits, without exponent for the ranges benchmarks produce. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double abs = Math.abs(value);
        if (abs >= 1000 || abs == 0) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (abs >= 0.001) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }

    /** A signed percentage, e.g. {@code +20.3%}. */
    static String change(double change) {
        return Double.isNaN(change) ? "-" : String.format(Locale.ROOT, "%+.1f%%", change * 100);
    }

    /** The change's confidence interval, e.g. {@code [+18.1%, +31.9%]}; {@code -} without one. */
    static String interval(MetricComparison row) {
        return row.hasInterval() ? "[" + change(row.changeLow()) + ", " + change(row.changeHigh()) + "]" : "-";
    }
}

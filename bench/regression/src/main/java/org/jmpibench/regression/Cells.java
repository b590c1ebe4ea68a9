package org.jmpibench.regression;

import java.util.List;
import java.util.Locale;

/** The cell texts that the table and Markdown reports share, so both show the same figures. */
final class Cells {

    /** Column headers; the values are medians of the iteration scores, in the row's unit. */
    static final List<String> HEADERS = List.of(
            "Benchmark", "Params", "Mode", "Baseline", "Current", "Unit", "Change", "p", "Verdict", "Why");

    private Cells() {
    }

    /** The cells of one row, in {@link #HEADERS} order; {@code prefix} is cut from the benchmark name. */
    static List<String> of(MetricComparison row, String prefix) {
        String name = row.displayName();
        if (!prefix.isEmpty() && name.startsWith(prefix)) {
            name = name.substring(prefix.length());
        }
        return List.of(name, row.key().paramsText(), row.key().mode(), number(row.baselineMedian()),
                number(row.currentMedian()), row.unit().label(), change(row.change()),
                VerdictRule.fmtP(row.pValue()), row.verdict().label(), row.reason());
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
}

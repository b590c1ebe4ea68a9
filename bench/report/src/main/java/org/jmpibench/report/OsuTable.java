package org.jmpibench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.HarnessOverhead;
import org.jmpibench.results.JdkRelease;
import org.jmpibench.results.Layout;
import org.jmpibench.results.Metric;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.ScoreUnit;
import org.jmpibench.results.SecondaryMetric;
import org.jmpibench.results.Sizes;

/**
 * The OSU-style table of a run, the one table writer ({@code bench} prints it at the end of a run, {@code table} from
 * any results file), as fixed-width text or as Markdown.
 *
 * <p>One block per operation and its other parameters (np, buffer, layout), one row per size, one column per backend
 * variant ({@code shm}, or {@code shm/spin} for a non-default idle strategy; {@code shm, JDK 25} when the results have
 * several JDKs), in the order the file has them. A block whose jobs spanned hosts says so in its heading ({@code 2
 * hosts, layout 2hosts:0/1}). send: one-way latency (us) and bandwidth (MB/s = 10^6 bytes/s = bytes / us); collectives:
 * rank 0's latency (us) and, in brackets, the slowest rank's. A missing result is {@code -}. Then the harness overhead
 * of each backend variant ({@link HarnessOverhead}), and one line for each result that is not one of our operations.
 */
public final class OsuTable {

    /** How the table is written. */
    public enum Format {
        /** Fixed-width columns for a terminal or a log. */
        TEXT,
        /** GitHub-flavoured Markdown tables, for CI comments and notes. */
        MARKDOWN
    }

    private static final ScoreUnit US = ScoreUnit.MICROS_PER_OP;

    private OsuTable() {}

    /** The table of {@code results}, ending with a line break. */
    public static String render(List<BenchmarkResult> results, Format format) {
        List<BenchmarkResult> ours = new ArrayList<>();
        List<BenchmarkResult> others = new ArrayList<>();
        for (BenchmarkResult r : results) {
            boolean tabled = r.operation().isPresent()
                    && r.np().isPresent()
                    && r.sizeElements().isPresent()
                    && r.primary().unit().hasDirection();
            (tabled ? ours : others).add(r);
        }
        boolean severalJdks = ours.stream()
                        .map(r -> r.paramOrNeutral(Param.JDK).orElseThrow())
                        .distinct()
                        .count()
                > 1;
        List<String> columns =
                ours.stream().map(r -> column(r, severalJdks)).distinct().toList();
        StringBuilder out = new StringBuilder();
        for (Map.Entry<BlockKey, List<BenchmarkResult>> block : blocks(ours).entrySet()) {
            block(out, block.getKey(), block.getValue(), columns, severalJdks, format);
        }
        overhead(out, ours, columns, severalJdks, format);
        if (!others.isEmpty()) {
            out.append(format == Format.TEXT ? "\n# other benchmarks\n" : "\n### Other benchmarks\n\n");
            for (BenchmarkResult r : others) {
                out.append(format == Format.TEXT ? "" : "- ")
                        .append(r.benchmark())
                        .append(' ')
                        .append(r.params())
                        .append(String.format(
                                Locale.ROOT,
                                " %.4g %s",
                                r.primary().score(),
                                r.primary().unit()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** A result's column: its backend variant, and its JDK when the results have several. */
    private static String column(BenchmarkResult r, boolean severalJdks) {
        return severalJdks
                ? r.variantLabel() + ", "
                        + JdkRelease.label(r.paramOrNeutral(Param.JDK).orElseThrow())
                : r.variantLabel();
    }

    /**
     * What one block shares: the operation, the layout of its jobs and every parameter but backend, idle, JDK and size
     * (np, buffer, and any other), in name order; the mode when it is not JMH's average time.
     */
    private record BlockKey(Operation op, int np, String layout, Map<String, String> rest) {

        String title(String separator) {
            StringBuilder title = new StringBuilder(op.cliName())
                    .append(separator)
                    .append("np=")
                    .append(np);
            rest.forEach((name, value) ->
                    title.append(separator).append(name).append('=').append(value));
            if (Layout.acrossHosts(layout)) {
                title.append(separator)
                        .append(Layout.hostsLabel(layout))
                        .append(", layout ")
                        .append(layout);
            }
            return title.toString();
        }
    }

    private static BlockKey keyOf(BenchmarkResult r) {
        Map<String, String> rest = new LinkedHashMap<>();
        r.params().forEach((name, value) -> {
            boolean elsewhere = Param.byJmhName(name)
                    .filter(p -> p == Param.BACKEND
                            || p == Param.IDLE
                            || p == Param.SIZE
                            || p == Param.NP
                            || p == Param.JDK
                            || p == Param.LAYOUT)
                    .isPresent();
            if (!elsewhere) {
                rest.put(name, value);
            }
        });
        if (!r.mode().equals("avgt")) {
            rest.put("mode", r.mode());
        }
        return new BlockKey(
                r.operation().orElseThrow(),
                r.np().getAsInt(),
                r.paramOrNeutral(Param.LAYOUT).orElseThrow(),
                rest);
    }

    /** Blocks in report order: operation, then rank count, then as they first appear. */
    private static Map<BlockKey, List<BenchmarkResult>> blocks(List<BenchmarkResult> ours) {
        Map<BlockKey, List<BenchmarkResult>> inFileOrder = new LinkedHashMap<>();
        ours.forEach(r ->
                inFileOrder.computeIfAbsent(keyOf(r), k -> new ArrayList<>()).add(r));
        List<BlockKey> keys = new ArrayList<>(inFileOrder.keySet());
        keys.sort(Comparator.comparing((BlockKey k) -> k.op().ordinal()).thenComparingInt(BlockKey::np));
        Map<BlockKey, List<BenchmarkResult>> sorted = new LinkedHashMap<>();
        keys.forEach(k -> sorted.put(k, inFileOrder.get(k)));
        return sorted;
    }

    private static void block(
            StringBuilder out,
            BlockKey key,
            List<BenchmarkResult> results,
            List<String> columns,
            boolean severalJdks,
            Format format) {
        boolean bandwidth = key.op().hasBandwidth();
        List<String> shown = columns.stream()
                .filter(c ->
                        results.stream().anyMatch(r -> column(r, severalJdks).equals(c)))
                .toList();
        List<String> header = new ArrayList<>(List.of("Size", "Bytes"));
        header.addAll(shown);
        List<List<String>> rows = new ArrayList<>();
        for (long size : results.stream()
                .map(r -> r.sizeElements().getAsLong())
                .collect(Collectors.toCollection(TreeSet::new))) {
            List<String> row = new ArrayList<>(List.of(Sizes.format(size), Long.toString(Sizes.bytes(size))));
            for (String column : shown) {
                row.add(results.stream()
                        .filter(r -> r.sizeElements().getAsLong() == size
                                && column(r, severalJdks).equals(column))
                        .findFirst()
                        .map(r -> cell(r, bandwidth))
                        .orElse("-"));
            }
            rows.add(row);
        }
        if (format == Format.TEXT) {
            out.append(String.format(
                    Locale.ROOT,
                    "%n# %s  (%s)%n",
                    key.title("  "),
                    bandwidth ? "one-way latency us / bandwidth MB/s" : "latency us at rank 0 [slowest rank us]"));
            text(out, header, rows);
        } else {
            out.append("\n### ")
                    .append(key.title(", "))
                    .append(": ")
                    .append(
                            bandwidth
                                    ? "one-way latency (µs) / bandwidth (MB/s)"
                                    : "latency at rank 0 (µs) [slowest rank (µs)]")
                    .append("\n\n");
            markdown(out, header, rows);
        }
    }

    private static String cell(BenchmarkResult r, boolean bandwidth) {
        double score = r.primary().asTimePerOp(US).score();
        if (bandwidth) {
            return String.format(
                    Locale.ROOT, "%.2f / %.1f", score, r.sizeBytes().getAsLong() / score);
        }
        Optional<Metric> slowest =
                r.secondary(SecondaryMetric.SLOWEST_RANK).filter(m -> m.unit().hasDirection());
        return slowest.map(m -> String.format(
                        Locale.ROOT, "%.2f [%.2f]", score, m.asTimePerOp(US).score()))
                .orElse(String.format(Locale.ROOT, "%.2f", score));
    }

    private static void overhead(
            StringBuilder out, List<BenchmarkResult> ours, List<String> columns, boolean severalJdks, Format format) {
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (BenchmarkResult r : ours) {
            double ratio = HarnessOverhead.ratio(r);
            if (!Double.isNaN(ratio)) {
                ratios.computeIfAbsent(column(r, severalJdks), c -> new ArrayList<>())
                        .add(ratio);
            }
        }
        if (ratios.isEmpty()) {
            return;
        }
        String title = "harness overhead: send score / hand-timed loop in the same job, median of per-iteration pairs"
                + " (goal <= 1.05)";
        List<List<String>> rows = new ArrayList<>();
        Set<String> ordered = new LinkedHashSet<>(columns);
        for (String column : ordered) {
            List<Double> values = ratios.get(column);
            if (values != null) {
                rows.add(List.of(
                        column,
                        ratio(HarnessOverhead.median(values)),
                        ratio(values.stream()
                                .mapToDouble(Double::doubleValue)
                                .min()
                                .orElseThrow()),
                        ratio(values.stream()
                                .mapToDouble(Double::doubleValue)
                                .max()
                                .orElseThrow()),
                        Integer.toString(values.size())));
            }
        }
        List<String> header = List.of("Backend", "Median", "Min", "Max", "Benchmarks");
        if (format == Format.TEXT) {
            out.append("\n# ").append(title).append('\n');
            text(out, header, rows);
        } else {
            out.append("\n### ")
                    .append(Character.toUpperCase(title.charAt(0)))
                    .append(title.substring(1))
                    .append("\n\n");
            markdown(out, header, rows);
        }
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Fixed-width: the first column left-aligned, the others right-aligned, two spaces apart. */
    private static void text(StringBuilder out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            int column = c;
            widths[c] = Math.max(
                    header.get(c).length(),
                    rows.stream().mapToInt(r -> r.get(column).length()).max().orElse(0));
        }
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                line.append(c == 0 ? "" : "  ")
                        .append(c == 0 ? pad(cell, widths[c]) : " ".repeat(widths[c] - cell.length()) + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }

    private static void markdown(StringBuilder out, List<String> header, List<List<String>> rows) {
        out.append(markdownRow(header));
        out.append("| --- |").append(" ---: |".repeat(header.size() - 1)).append('\n');
        rows.forEach(row -> out.append(markdownRow(row)));
    }

    private static String markdownRow(List<String> cells) {
        return cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}

package org.jmpibench.regression.history;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The history as text: one line per benchmark with a change point, the rest counted. */
final class HistoryText {

    private HistoryText() {}

    static String render(
            CommitOrder.Ordered ordered,
            List<BenchmarkHistory> histories,
            double significance,
            int permutations,
            int minRuns) {
        StringBuilder out = new StringBuilder();
        out.append("history: ")
                .append(ordered.runs().size())
                .append(" runs of ")
                .append(histories.size())
                .append(" benchmarks, ")
                .append(ordered.how())
                .append("; change points by E-divisive means (p <= ")
                .append(significance)
                .append(", ")
                .append(permutations)
                .append(" permutations, at least ")
                .append(minRuns)
                .append(" runs a side)\n");
        int unchanged = 0;
        for (BenchmarkHistory history : histories) {
            if (history.changes().isEmpty()) {
                unchanged++;
                continue;
            }
            out.append(name(history)).append(": ").append(changesText(history)).append('\n');
        }
        out.append(unchanged)
                .append(unchanged == 1 ? " benchmark" : " benchmarks")
                .append(" without a change point\n");
        return out.toString();
    }

    /** {@code PingPong.send backend=shm np=2 size=1}. */
    static String name(BenchmarkHistory history) {
        String benchmark = history.key().benchmark();
        int methodDot = benchmark.lastIndexOf('.');
        int classDot = methodDot <= 0 ? -1 : benchmark.lastIndexOf('.', methodDot - 1);
        String params = history.key().paramsText();
        return benchmark.substring(classDot + 1) + (params.isEmpty() ? "" : " " + params);
    }

    /** {@code 24 runs; change at run 17 (abc12345): 0.512 -> 0.641 us/op (+25.2%), p=0.005; ...}. */
    static String changesText(BenchmarkHistory history) {
        String runs = history.values().length + " runs";
        if (history.changes().isEmpty()) {
            return runs + "; no change point";
        }
        return runs + "; "
                + history.changes().stream()
                        .map(change -> {
                            HistoryRun run = history.runs().get(change.index());
                            return String.format(
                                    Locale.ROOT,
                                    "change at run %d (%s): %.4g -> %.4g %s (%+.1f%%), p=%.3f%s",
                                    change.index() + 1,
                                    run.label(),
                                    change.before(),
                                    change.after(),
                                    history.unit().label(),
                                    (change.ratio() - 1) * 100,
                                    change.pValue(),
                                    change.machine() == null
                                            ? ""
                                            : "; the machine changed there too: " + change.machine());
                        })
                        .collect(Collectors.joining("; "));
    }
}

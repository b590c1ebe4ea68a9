package org.jmpibench.harness.runner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jmpibench.harness.job.BufferKind;
import org.jmpibench.results.JdkRelease;
import org.jmpibench.results.Layout;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.SecondaryMetric;
import org.jmpibench.results.Sizes;
import org.jmpibench.spi.Idle;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The end-of-run table, OSU style: one block per (operation, np, buffer), one row per size, one column per
 * backend variant ({@code shm}, or {@code shm/spin} for a non-default idle strategy; {@code shm, JDK 25} when the
 * run has several JDKs). send: one-way latency (us)
 * and bandwidth (MB/s = 10^6 bytes/s = bytes / us); collectives: rank 0's latency (us) and, in brackets, the
 * slowest rank's. A block whose jobs spanned hosts says so in its heading ({@code 2 hosts, layout 2hosts:0/1}).
 * Then the harness overhead of each backend variant: JMH's send score divided by the hand-timed loop of the same
 * job.
 */
final class SummaryTable {

    private SummaryTable() {
    }

    /** @param layouts the {@link Layout} of the run's jobs by np */
    static String render(Collection<RunResult> results, List<String> backends, BenchSettings settings,
                         IntFunction<String> layouts) {
        StringBuilder out = new StringBuilder();
        for (Operation op : settings.ops()) {
            for (int np : settings.nps()) {
                for (BufferKind buffer : settings.buffers()) {
                    block(out, results, backends, settings, op, np, buffer, layouts.apply(np));
                }
            }
        }
        overhead(out, results, backends, settings);
        return out.toString();
    }

    private static void block(StringBuilder out, Collection<RunResult> results, List<String> backends,
                              BenchSettings settings, Operation op, int np, BufferKind buffer, String layout) {
        boolean bandwidth = op.hasBandwidth();
        String hosts = Layout.acrossHosts(layout) ? "  " + Layout.hostsLabel(layout) + ", layout " + layout : "";
        out.append(String.format(Locale.ROOT, "%n# %s  np=%d  buffer=%s%s  (%s)%n", op.cliName(), np,
                buffer.cliName(), hosts, bandwidth ? "one-way latency us / bandwidth MB/s"
                        : "latency us at rank 0 [slowest rank us]"));
        out.append(String.format(Locale.ROOT, "%-10s %12s", "Size", "Bytes"));
        // backends here are variant labels: backend, or backend/idle
        for (String backend : backends) {
            out.append(String.format(Locale.ROOT, " %24s", backend));
        }
        out.append('\n');
        for (int size : settings.sizes()) {
            out.append(String.format(Locale.ROOT, "%-10s %12d", Sizes.format(size), Sizes.bytes(size)));
            for (String backend : backends) {
                RunResult r = find(results, op, backend, np, size, buffer, settings);
                String cell = "-";
                if (r != null) {
                    double score = r.getPrimaryResult().getScore();
                    if (bandwidth) {
                        cell = String.format(Locale.ROOT, "%.2f / %.1f", score, Sizes.bytes(size) / score);
                    } else {
                        Result slowest = r.getSecondaryResults().get(SecondaryMetric.SLOWEST_RANK.jmhName());
                        cell = slowest == null ? String.format(Locale.ROOT, "%.2f", score)
                                : String.format(Locale.ROOT, "%.2f [%.2f]", score, slowest.getScore());
                    }
                }
                out.append(String.format(Locale.ROOT, " %24s", cell));
            }
            out.append('\n');
        }
    }

    private static void overhead(StringBuilder out, Collection<RunResult> results, List<String> backends,
                                 BenchSettings settings) {
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (String backend : backends) {
            ratios.put(backend, new ArrayList<>());
        }
        for (RunResult r : results) {
            double ratio = HarnessOverhead.ratio(r);
            String backend = label(r.getParams(), settings);
            if (!Double.isNaN(ratio) && ratios.containsKey(backend)) {
                ratios.get(backend).add(ratio);
            }
        }
        out.append(String.format(Locale.ROOT, "%n# harness overhead: send score / hand-timed loop in the same job, "
                + "median of per-iteration pairs (goal <= 1.05)%n"));
        for (Map.Entry<String, List<Double>> entry : ratios.entrySet()) {
            List<Double> values = entry.getValue();
            if (values.isEmpty()) {
                continue;
            }
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, "%-16s median %.3f  min %.3f  max %.3f  (%d benchmarks)%n",
                    entry.getKey(), HarnessOverhead.median(values), min, max, values.size()));
        }
    }

    /**
     * {@code backend}, or {@code backend/idle} when the idle strategy is not the default; followed by the JDK
     * ({@code shm, JDK 25}) when the run has several.
     */
    static String label(BenchmarkParams params, BenchSettings settings) {
        String idle = params.getParam(Param.IDLE.jmhName());
        String backend = params.getParam(Param.BACKEND.jmhName());
        return column(idle == null ? backend : Idle.byName(idle).label(backend), params.getParam(Param.JDK.jmhName()),
                settings);
    }

    /** A backend variant's label, followed by its JDK release when the run has several. */
    static String column(String variantLabel, String jdkRelease, BenchSettings settings) {
        return settings.jdks().size() > 1 ? variantLabel + ", " + JdkRelease.label(jdkRelease) : variantLabel;
    }

    static RunResult find(Collection<RunResult> results, Operation op, String backend, int np, int size,
                          BufferKind buffer, BenchSettings settings) {
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            if (Operation.ofBenchmark(p.getBenchmark()).equals(Optional.of(op)) && backend.equals(label(p, settings))
                    && String.valueOf(np).equals(p.getParam(Param.NP.jmhName()))
                    && String.valueOf(size).equals(p.getParam(Param.SIZE.jmhName()))
                    && buffer.cliName().equals(p.getParam(Param.BUFFER.jmhName()))) {
                return r;
            }
        }
        return null;
    }
}

package org.jmpibench.harness.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jmpibench.harness.job.BufferKind;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.openjdk.jmh.infra.BenchmarkParams;

/** One benchmark of a (backend, np) group: an operation at one size with one buffer kind. */
record BenchKey(Operation op, int size, BufferKind buffer) {

    /** The buffer kind a size-less operation is recorded with: it moves no data, so this means nothing for it. */
    static final BufferKind SIZE_LESS_BUFFER = BufferKind.ARRAY;

    /**
     * Every benchmark of a group, in the order of the settings. A size-less operation (barrier) is one benchmark, at
     * size {@link Operation#NO_SIZE} and buffer {@link #SIZE_LESS_BUFFER}, whatever sizes and buffer kinds the run
     * names, so its results match across runs.
     */
    static List<BenchKey> matrix(BenchSettings settings) {
        List<BenchKey> keys = new ArrayList<>();
        for (Operation op : settings.ops()) {
            if (op.sizeLess()) {
                keys.add(new BenchKey(op, Operation.NO_SIZE, SIZE_LESS_BUFFER));
                continue;
            }
            for (BufferKind buffer : settings.buffers()) {
                for (int size : settings.sizes()) {
                    keys.add(new BenchKey(op, size, buffer));
                }
            }
        }
        return keys;
    }

    /** The key of a JMH benchmark of ours, or null for anything else. */
    static BenchKey of(BenchmarkParams params) {
        Operation op = Operation.ofBenchmark(params.getBenchmark()).orElse(null);
        String size = params.getParam(Param.SIZE.jmhName());
        String buffer = params.getParam(Param.BUFFER.jmhName());
        if (op == null || size == null || buffer == null) {
            return null;
        }
        return new BenchKey(op, Integer.parseInt(size), BufferKind.byName(buffer));
    }

    /**
     * The keys in runs that JMH can each make as one cross product of sizes and buffer kinds: the size-less operations
     * apart from the others.
     */
    static List<List<BenchKey>> jmhRuns(List<BenchKey> keys) {
        List<List<BenchKey>> runs = new ArrayList<>();
        for (boolean sizeLess : List.of(false, true)) {
            List<BenchKey> run =
                    keys.stream().filter(key -> key.op().sizeLess() == sizeLess).toList();
            if (!run.isEmpty()) {
                runs.add(run);
            }
        }
        return runs;
    }

    /** The JMH parameters, as JMH lists them for a failed job: by name, comma-separated. */
    String describe(BenchRunner.Variant variant, int np, String layout, String root) {
        Map<String, String> params = new TreeMap<>();
        if (op.rooted()) {
            params.put(Param.ROOT.jmhName(), root);
        }
        params.put(Param.BACKEND.jmhName(), variant.backend());
        params.put(Param.BUFFER.jmhName(), buffer.cliName());
        params.put(Param.IDLE.jmhName(), variant.idle().cliName());
        params.put(Param.JDK.jmhName(), variant.jdk().release());
        params.put(Param.LAYOUT.jmhName(), layout);
        params.put(Param.NP.jmhName(), Integer.toString(np));
        params.put(Param.SIZE.jmhName(), Integer.toString(size));
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}

package org.jmpibench.harness;

import java.util.ArrayList;
import java.util.List;
import org.jmpibench.spi.Idle;
import org.openjdk.jmh.infra.BenchmarkParams;

/** One benchmark of a (backend, np) group: an operation at one size with one buffer kind. */
record BenchKey(Operation op, int size, BufferKind buffer) {

    /** Every benchmark of a group, in the order of the settings. */
    static List<BenchKey> matrix(BenchSettings settings) {
        List<BenchKey> keys = new ArrayList<>();
        for (Operation op : settings.ops()) {
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
        Operation op = Operation.ofBenchmark(params.getBenchmark());
        if (op == null || params.getParam("size") == null || params.getParam("buffer") == null) {
            return null;
        }
        return new BenchKey(op, Integer.parseInt(params.getParam("size")), BufferKind.byName(params.getParam("buffer")));
    }

    /** The JMH parameters, as JMH lists them for a failed job. */
    String describe(String backend, Idle idle, int np) {
        return "backend=" + backend + ",buffer=" + buffer.cliName() + ",idle=" + idle.cliName() + ",np=" + np
                + ",size=" + size;
    }
}

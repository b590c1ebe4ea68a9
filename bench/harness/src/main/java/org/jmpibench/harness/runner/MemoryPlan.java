package org.jmpibench.harness.runner;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.jmpibench.harness.job.WorkloadMemory;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Sizes;

/**
 * How much memory the ranks need for the largest message of a run ({@link WorkloadMemory}: what each workload
 * allocates, rank by rank), and the heap and direct-memory limits to give every rank JVM. Refuses runs that cannot fit
 * this machine up front, instead of failing hours later with an OutOfMemoryError in one rank.
 */
final class MemoryPlan {

    /** What a JVM costs besides our buffers: code cache, metaspace, JMH, the backend's own buffers. */
    static final long JVM_OVERHEAD_BYTES = 128L << 20;
    /** The share of physical memory the ranks of one job may use together. */
    static final double MACHINE_SHARE = 0.75;

    private static final long MIN_HEAP_BYTES = 512L << 20;
    /** Copies of a message a backend may hold besides ours. */
    private static final int COPIES = 4;

    private MemoryPlan() {}

    /** Bytes of message buffers the busiest rank of any of {@code ops} holds for {@code size} elements. */
    static long largestRankBytes(List<Operation> ops, int size, int np, int root) {
        return ops.stream()
                .mapToLong(op -> WorkloadMemory.largestRankBytes(op, size, np, root))
                .max()
                .orElse(0);
    }

    /**
     * -Xmx (and -XX:MaxDirectMemorySize) for every rank of a job of {@code np} ranks up to {@code size}: a limit, not a
     * reservation, so it is generous. A backend may run every rank as a thread of one JVM with the leader's options
     * (mpj-smpdev), hence x np; backends copy messages (MPJ Express reserved 128 MiB of direct memory to broadcast a 16
     * MiB message), hence x4. Capped at half the machine.
     */
    static long heapBytes(List<Operation> ops, int maxSize, int np, int root) {
        long need = np * COPIES * largestRankBytes(ops, maxSize, np, root) + (256L << 20);
        long machine = physicalMemoryBytes();
        long cap = machine > 0 ? machine / 2 : Long.MAX_VALUE;
        long bytes = Math.min(cap, Math.max(MIN_HEAP_BYTES, need));
        long mib = (bytes + (1L << 20) - 1) >> 20;
        return mib << 20;
    }

    /**
     * @throws IllegalArgumentException when np ranks running {@code ops} at message size {@code size} need a buffer
     *     larger than 2 GiB, or more than this machine should give one job
     */
    static void checkFits(List<Operation> ops, int size, int np, int root) {
        for (Operation op : ops) {
            if (WorkloadMemory.largestBufferBytes(op, size, np) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("size " + Sizes.format(size) + " with np " + np
                        + " is too large for " + op.cliName() + ": one of its buffers would exceed 2 GiB");
            }
        }
        for (Operation op : ops) {
            long total = np * JVM_OVERHEAD_BYTES + WorkloadMemory.jobBytes(op, size, np, root);
            long machine = physicalMemoryBytes();
            if (machine > 0 && total > machine * MACHINE_SHARE) {
                throw new IllegalArgumentException("size " + Sizes.format(size) + " with np " + np + " needs about "
                        + (total >> 20) + " MiB for the ranks of a " + op.cliName() + " job; this machine has "
                        + (machine >> 20) + " MiB");
            }
        }
    }

    static long physicalMemoryBytes() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
            return bean.getTotalMemorySize();
        }
        return -1;
    }
}

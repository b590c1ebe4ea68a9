package org.jmpibench.harness.runner;

import java.lang.management.ManagementFactory;
import org.jmpibench.results.Sizes;

/**
 * How much memory a rank needs for the largest message of a run, and the heap and direct-memory limits to
 * give every rank JVM. Refuses runs that cannot fit this machine up front, instead of failing hours later
 * with an OutOfMemoryError in one rank.
 */
final class MemoryPlan {

    /** What a JVM costs besides our buffers: code cache, metaspace, JMH, the backend's own buffers. */
    static final long JVM_OVERHEAD_BYTES = 128L << 20;
    /** The share of physical memory the ranks of one job may use together. */
    static final double MACHINE_SHARE = 0.75;
    private static final long MIN_HEAP_BYTES = 512L << 20;
    /** Copies of a message a backend may hold besides ours. */
    private static final int COPIES = 4;

    private MemoryPlan() {
    }

    /** Bytes of message buffers rank 0 (the largest user: the gather root) holds for {@code size} elements. */
    static long rootBufferBytes(int size, int np) {
        long ints = 4L * size;
        long pingPong = 2 * ints;
        long gatherAverage = ints + ints * np + 8L * size;
        return Math.max(pingPong, gatherAverage);
    }

    /**
     * -Xmx (and -XX:MaxDirectMemorySize) for every rank of a job of {@code np} ranks up to {@code size}: a limit,
     * not a reservation, so it is generous. A backend may run every rank as a thread of one JVM with the
     * leader's options (mpj-smpdev), hence x np; backends copy messages (MPJ Express reserved 128 MiB of direct
     * memory to broadcast a 16 MiB message), hence x4. Capped at half the machine.
     */
    static long heapBytes(int maxSize, int np) {
        long need = np * COPIES * rootBufferBytes(maxSize, np) + (256L << 20);
        long machine = physicalMemoryBytes();
        long cap = machine > 0 ? machine / 2 : Long.MAX_VALUE;
        long bytes = Math.min(cap, Math.max(MIN_HEAP_BYTES, need));
        long mib = (bytes + (1L << 20) - 1) >> 20;
        return mib << 20;
    }

    /**
     * @throws IllegalArgumentException when np ranks with message size {@code size} need more than this machine
     *                                  should give one job
     */
    static void checkFits(int size, int np) {
        if ((long) size * np > Integer.MAX_VALUE / 8) {
            throw new IllegalArgumentException("size " + Sizes.format(size) + " with np " + np
                    + " is too large: rank 0's gather buffer would exceed 2 GiB");
        }
        long follower = 4L * size + 8L * size;
        long total = np * JVM_OVERHEAD_BYTES + rootBufferBytes(size, np) + (np - 1) * follower;
        long machine = physicalMemoryBytes();
        if (machine > 0 && total > machine * MACHINE_SHARE) {
            throw new IllegalArgumentException("size " + Sizes.format(size) + " with np " + np + " needs about "
                    + (total >> 20) + " MiB for the job's ranks; this machine has " + (machine >> 20) + " MiB");
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

package org.jmpibench.mpjexpress;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The direct-memory cap of an smpdev job's JVM. MPJ Express keeps every message's packed copy in direct buffers from
 * one allocator that all ranks of the JVM share (mpjbuf is on the JVM's class path) and never returns to the system,
 * and Java caps direct memory at the heap size unless told otherwise. So N ranks share what one niodev rank has alone:
 * 8 Mi ints exchanged by two pairs at np 4 failed with "Cannot reserve ... bytes of direct buffer memory" under
 * {@code -Xmx768m}. Unless the options set the cap themselves, we make it np times their heap size: the per-rank budget
 * a niodev rank with the same options has.
 */
final class SmpdevDirectMemory {

    private static final String CAP = "-XX:MaxDirectMemorySize=";

    private SmpdevDirectMemory() {}

    /** The option to add to {@code jvmOptions} for an np-rank job, if any. */
    static Optional<String> option(List<String> jvmOptions, int np) {
        long heap = -1;
        for (String option : jvmOptions) {
            if (option.startsWith(CAP)) {
                return Optional.empty();
            }
            if (option.startsWith("-Xmx")) {
                heap = bytes(option.substring("-Xmx".length()));
            } else if (option.startsWith("-XX:MaxHeapSize=")) {
                heap = bytes(option.substring("-XX:MaxHeapSize=".length()));
            }
        }
        // Without a heap size the JVM's own default (a quarter of the machine's memory) is the cap: leave it.
        return heap <= 0 || np <= 1 ? Optional.empty() : Optional.of(CAP + Math.min(heap, Long.MAX_VALUE / np) * np);
    }

    /** A JVM size ({@code 768m}, {@code 2g}, {@code 1048576}); -1 when it is not one. */
    static long bytes(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return -1;
        }
        int shift = switch (s.charAt(s.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        try {
            long value = Long.parseLong(digits);
            return value < 0 || value > (Long.MAX_VALUE >> shift) ? -1 : value << shift;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

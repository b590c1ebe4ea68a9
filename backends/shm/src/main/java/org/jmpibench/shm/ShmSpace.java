package org.jmpibench.shm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The free-space check made before the shared file is created. Mapping a sparse file on tmpfs always succeeds, and the
 * first touch of a page tmpfs cannot back kills the JVM with SIGBUS (an InternalError at best), so we refuse up front
 * with one line that says how much is needed.
 */
final class ShmSpace {

    private ShmSpace() {}

    /** Bytes the shared file of an {@code np}-rank job takes with {@code config}'s ring geometry. */
    static long requiredBytes(int np, ShmConfig config) {
        int slotStride = ShmLayoutDescriptor.slotStride(config.chunkBytes());
        long ringStride = ShmLayoutDescriptor.ringStride(config.slotCount(), slotStride);
        return ShmLayoutDescriptor.fileBytes(np, ringStride);
    }

    /** The one-line complaint when {@code freeBytes} cannot hold {@code requiredBytes}; empty when they fit. */
    static Optional<String> shortage(int np, long requiredBytes, long freeBytes, Path directory) {
        if (requiredBytes <= freeBytes) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "shm: a job of %d ranks needs %d bytes (%s) in %s, but only "
                        + "%d bytes (%s) are free there; free some space or lower %s (bytes per ring; %d rings)",
                np,
                requiredBytes,
                mib(requiredBytes),
                directory,
                freeBytes,
                mib(freeBytes),
                ShmConfig.RING_BYTES_ENV,
                (long) np * (np - 1)));
    }

    /** @throws IllegalStateException with the one-line complaint when the job's file does not fit */
    static void require(int np, long requiredBytes, Path directory) {
        long free;
        try {
            free = Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            throw new IllegalStateException("shm: cannot tell how much space " + directory + " has: " + e, e);
        }
        shortage(np, requiredBytes, free, directory).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }
}

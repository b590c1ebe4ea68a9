package org.jmpibench.shm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Names of the shared files and the removal of stale ones.
 *
 * <p>A job's file is {@code jmpi-shm-<job id>}, and the launcher's job id starts with the launcher's PID in hex
 * ({@code <pid hex>-<random>}), so a file outlives its job only if the launcher died before it could delete it
 * (e.g. SIGKILL). Any later session then removes files whose launcher PID no longer runs. PID reuse can only
 * delay a removal, never remove a live job's file.
 */
final class ShmFiles {

    static final String PREFIX = "jmpi-shm-";
    /** Suffix of a file still being created; renamed to its final name once complete. */
    static final String CREATING_SUFFIX = ".creating";

    private ShmFiles() {
    }

    static Path jobFile(Path directory, String jobId) {
        return directory.resolve(PREFIX + jobId);
    }

    static Path creatingFile(Path directory, String jobId) {
        return directory.resolve(PREFIX + jobId + CREATING_SUFFIX);
    }

    /** The PID of the launcher that created a file of ours, from its name; empty for other names. */
    static OptionalLong launcherPid(String fileName) {
        if (!fileName.startsWith(PREFIX)) {
            return OptionalLong.empty();
        }
        String jobId = fileName.substring(PREFIX.length());
        int dash = jobId.indexOf('-');
        if (dash <= 0) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(jobId.substring(0, dash), 16));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Deletes our files in {@code directory} whose launcher is no longer running; returns what it deleted. */
    static List<Path> removeStale(Path directory) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path file : files) {
                OptionalLong pid = launcherPid(file.getFileName().toString());
                if (pid.isPresent() && !isRunning(pid.getAsLong()) && Files.deleteIfExists(file)) {
                    removed.add(file);
                }
            }
        } catch (IOException e) {
            // Clean-up is a courtesy to earlier jobs: failing at it must not fail this one.
        }
        return removed;
    }

    static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}

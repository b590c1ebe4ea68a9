package org.jmpibench.shm;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.jmpibench.launcher.JobIds;

/**
 * Names of the shared files and the removal of stale ones.
 *
 * <p>A job's file is {@code jmpi-shm-<job id>}: any later session removes the files whose launcher no longer runs
 * ({@link JobIds}).
 */
final class ShmFiles {

    static final String PREFIX = "jmpi-shm-";
    /** Suffix of a file still being created; renamed to its final name once complete. */
    static final String CREATING_SUFFIX = ".creating";

    private ShmFiles() {}

    static Path jobFile(Path directory, String jobId) {
        return directory.resolve(PREFIX + jobId);
    }

    static Path creatingFile(Path directory, String jobId) {
        return directory.resolve(PREFIX + jobId + CREATING_SUFFIX);
    }

    /** The PID of the launcher that created a file of ours, from its name; empty for other names. */
    static OptionalLong launcherPid(String fileName) {
        return JobIds.launcherPid(fileName, PREFIX);
    }

    /** Deletes our files in {@code directory} whose launcher is no longer running; returns what it deleted. */
    static List<Path> removeStale(Path directory) {
        return JobIds.removeStale(directory, PREFIX);
    }
}

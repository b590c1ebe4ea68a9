package org.jmpibench.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

/**
 * Job ids, {@code <launcher PID in hex>-<random>}: unique per job, and they say which process launched the job. A file
 * named after a job ({@code <prefix><job id>}) therefore outlives its job only if the launcher died before it could
 * delete it (e.g. SIGKILL), and a later job can tell and remove it. PID reuse can only delay a removal, never remove a
 * live job's file.
 */
public final class JobIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private JobIds() {}

    /** A fresh id for a job launched by this process. */
    public static String create() {
        return Long.toHexString(ProcessHandle.current().pid()) + "-" + randomHex(6);
    }

    /** {@code bytes} random bytes in hex (job ids, job tokens). */
    public static String randomHex(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    /** The PID of the launcher of a job file named {@code <prefix><job id>...}; empty for other names. */
    public static OptionalLong launcherPid(String fileName, String prefix) {
        if (!fileName.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        String jobId = fileName.substring(prefix.length());
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

    /** Deletes the files {@code <prefix>*} in {@code directory} whose launcher no longer runs; returns them. */
    public static List<Path> removeStale(Path directory, String prefix) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*")) {
            for (Path file : files) {
                OptionalLong pid = launcherPid(file.getFileName().toString(), prefix);
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

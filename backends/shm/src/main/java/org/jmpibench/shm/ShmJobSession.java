package org.jmpibench.shm;

import static org.jmpibench.shm.ShmLayoutDescriptor.CHUNK_BYTES_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.CREATOR_LOCK_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.HEADER_BYTES;
import static org.jmpibench.shm.ShmLayoutDescriptor.MAGIC;
import static org.jmpibench.shm.ShmLayoutDescriptor.MAGIC_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.NP_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.RING_STRIDE_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.SLOT_COUNT_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.SLOT_STRIDE_OFFSET;
import static org.jmpibench.shm.ShmLayoutDescriptor.VERSION;
import static org.jmpibench.shm.ShmLayoutDescriptor.VERSION_OFFSET;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.jmpibench.launcher.JobSession;
import org.jmpibench.launcher.RankEnv;
import org.jmpibench.spi.JobSpec;

/**
 * The launcher-side half of a job: creates the shared file before the ranks start and deletes it after they end,
 * whether the job succeeded or not.
 *
 * <p>Creation order, so that a rank never sees a half-made file: remove stale files of dead launchers, check free
 * space, create {@code jmpi-shm-<job>.creating} with mode 0600, fill it with zeros through {@code write} (this backs
 * every page now, so a full tmpfs fails here with an IOException instead of a SIGBUS in a rank later), write the
 * header, lock the creator byte, and rename the file into place. The first rank unlinks it as soon as every rank has
 * attached; {@link #close} deletes it in case that never happened.
 */
final class ShmJobSession implements JobSession {

    /** Environment variable that tells each rank where its job's file is. */
    static final String FILE_ENV = "JMPI_SHM_FILE";

    private static final int ZERO_FILL_BYTES = 1 << 20;

    private final Path file;
    private final FileChannel channel;

    private ShmJobSession(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Creates the file for {@code spec}'s job; knobs come from the spec's env, then the launcher's. */
    static ShmJobSession open(JobSpec spec) {
        ShmConfig config = ShmConfig.from(name -> spec.env().getOrDefault(name, System.getenv(name)));
        String jobId = spec.env().get(RankEnv.JOB_ID);
        if (jobId == null || jobId.isBlank()) {
            throw new IllegalArgumentException("shm: the job spec carries no " + RankEnv.JOB_ID);
        }
        return create(spec.np(), jobId, config);
    }

    static ShmJobSession create(int np, String jobId, ShmConfig config) {
        if (np > ShmLayoutDescriptor.MAX_RANKS) {
            throw new IllegalArgumentException(
                    "shm supports at most " + ShmLayoutDescriptor.MAX_RANKS + " ranks, got np=" + np);
        }
        Path directory = config.directory();
        ShmFiles.removeStale(directory);
        long required = ShmSpace.requiredBytes(np, config);
        ShmSpace.require(np, required, directory);

        Path creating = ShmFiles.creatingFile(directory, jobId);
        Path file = ShmFiles.jobFile(directory, jobId);
        FileChannel channel = null;
        try {
            Files.createFile(
                    creating,
                    PosixFilePermissions.asFileAttribute(Set.of(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
            channel = FileChannel.open(creating, StandardOpenOption.READ, StandardOpenOption.WRITE);
            zeroFill(channel, required);
            channel.write(header(np, config), 0);
            if (channel.tryLock(CREATOR_LOCK_OFFSET, 1, false) == null) {
                throw new IOException("cannot lock the creator byte of a file this process just made");
            }
            Files.move(creating, file, StandardCopyOption.ATOMIC_MOVE);
            return new ShmJobSession(file, channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            deleteQuietly(creating);
            deleteQuietly(file);
            throw new IllegalStateException("shm: cannot create " + file + " (" + required + " bytes): " + e, e);
        }
    }

    private static void zeroFill(FileChannel channel, long bytes) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_FILL_BYTES);
        long position = 0;
        while (position < bytes) {
            zeros.clear().limit((int) Math.min(ZERO_FILL_BYTES, bytes - position));
            while (zeros.hasRemaining()) {
                position += channel.write(zeros, position);
            }
        }
    }

    private static ByteBuffer header(int np, ShmConfig config) {
        int slotStride = ShmLayoutDescriptor.slotStride(config.chunkBytes());
        long ringStride = ShmLayoutDescriptor.ringStride(config.slotCount(), slotStride);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.nativeOrder());
        header.putLong(MAGIC_OFFSET, MAGIC)
                .putInt(VERSION_OFFSET, VERSION)
                .putInt(NP_OFFSET, np)
                .putLong(RING_STRIDE_OFFSET, ringStride)
                .putInt(SLOT_COUNT_OFFSET, config.slotCount())
                .putInt(CHUNK_BYTES_OFFSET, config.chunkBytes())
                .putInt(SLOT_STRIDE_OFFSET, slotStride);
        return header;
    }

    Path file() {
        return file;
    }

    @Override
    public Map<String, String> envFor(int rank) {
        return Map.of(FILE_ENV, file.toString());
    }

    /** Deletes the file (if the ranks have not already unlinked it) and drops the creator lock. */
    @Override
    public void close() {
        deleteQuietly(file);
        closeQuietly(channel);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Nothing more to do: a later session removes it as stale once this launcher is gone.
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing releases the lock either way.
            }
        }
    }
}

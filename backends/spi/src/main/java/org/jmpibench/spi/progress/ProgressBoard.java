package org.jmpibench.spi.progress;

import static org.jmpibench.spi.progress.ProgressBoardDescriptor.CALL_OFFSET;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.JOINED_OFFSET;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.JOINED_RANKS_OFFSET;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.MAGIC;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.MAGIC_OFFSET;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.MAX_STEP_BYTES;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.RANKS_OFFSET;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.STEP_LENGTH_OFFSET;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.STEP_OFFSET;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.STEP_SEQ_OFFSET;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.VERSION;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.VERSION_OFFSET;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A job's progress board (layout: {@link ProgressBoardDescriptor}): the launcher {@link #create}s it before the ranks
 * start and reads every rank's {@link RankSnapshot} when the job fails; each rank {@link #open}s it and {@link #join}s
 * it, which gives it the writer of its own slot ({@link RankProgress}). Mappings stay valid after the file is deleted.
 */
public final class ProgressBoard {

    static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    /** Tries to read a step that is being rewritten before settling for an empty one. */
    private static final int STEP_READ_ATTEMPTS = 100;

    private final Path file;
    private final MappedByteBuffer buffer;
    private final int ranks;

    private ProgressBoard(Path file, MappedByteBuffer buffer, int ranks) {
        this.file = file;
        this.buffer = buffer;
        this.ranks = ranks;
    }

    /** Creates {@code file} (readable and writable by this user only) for a job of {@code ranks} ranks. */
    public static ProgressBoard create(Path file, int ranks) throws IOException {
        if (ranks < 1) {
            throw new IllegalArgumentException("a progress board needs at least 1 rank, got " + ranks);
        }
        long bytes = ProgressBoardDescriptor.fileBytes(ranks);
        try (FileChannel channel = FileChannel.open(
                file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
            buffer.order(ByteOrder.nativeOrder());
            buffer.putInt(VERSION_OFFSET, VERSION);
            buffer.putInt(RANKS_OFFSET, ranks);
            // Magic last: a rank that sees it sees a complete header.
            INTS.setRelease(buffer, MAGIC_OFFSET, MAGIC);
            return new ProgressBoard(file, buffer, ranks);
        }
    }

    /** Maps the board a launcher created. */
    public static ProgressBoard open(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size < ProgressBoardDescriptor.HEADER_BYTES) {
                throw new IOException("progress board " + file + " has " + size + " bytes, too few for a header");
            }
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            buffer.order(ByteOrder.nativeOrder());
            int magic = (int) INTS.getAcquire(buffer, MAGIC_OFFSET);
            int version = buffer.getInt(VERSION_OFFSET);
            int ranks = buffer.getInt(RANKS_OFFSET);
            if (magic != MAGIC || version != VERSION || ranks < 1 || ProgressBoardDescriptor.fileBytes(ranks) != size) {
                throw new IOException("progress board " + file + " is not one (magic 0x" + Integer.toHexString(magic)
                        + ", version " + version + ", " + ranks + " ranks in " + size + " bytes)");
            }
            return new ProgressBoard(file, buffer, ranks);
        }
    }

    public int ranks() {
        return ranks;
    }

    /**
     * Marks {@code rank} as joined and returns the writer of its slot; call once per rank. The last rank to join
     * deletes the file: every mapping stays valid, and no file is left behind should the launcher be killed.
     */
    public RankProgress join(int rank) throws IOException {
        checkRank(rank);
        int base = (int) ProgressBoardDescriptor.slotOffset(rank);
        INTS.setRelease(buffer, base + JOINED_OFFSET, 1);
        if ((int) INTS.getAndAdd(buffer, JOINED_RANKS_OFFSET, 1) + 1 == ranks) {
            Files.deleteIfExists(file);
        }
        return new RankProgress(buffer, base);
    }

    /** What {@code rank}'s slot says now. */
    public RankSnapshot read(int rank) {
        checkRank(rank);
        int base = (int) ProgressBoardDescriptor.slotOffset(rank);
        boolean joined = (int) INTS.getAcquire(buffer, base + JOINED_OFFSET) != 0;
        long word = (long) LONGS.getOpaque(buffer, base + CALL_OFFSET);
        return new RankSnapshot(
                rank,
                joined,
                word,
                ProgressBoardDescriptor.call(word),
                ProgressBoardDescriptor.peer(word),
                ProgressBoardDescriptor.collectives(word),
                step(base));
    }

    /** The call word alone: cheap enough to sample often, to see when a rank's call changed. */
    public long callWord(int rank) {
        checkRank(rank);
        return (long) LONGS.getOpaque(buffer, (int) ProgressBoardDescriptor.slotOffset(rank) + CALL_OFFSET);
    }

    private String step(int base) {
        byte[] text = new byte[MAX_STEP_BYTES];
        for (int attempt = 0; attempt < STEP_READ_ATTEMPTS; attempt++) {
            int seq = (int) INTS.getAcquire(buffer, base + STEP_SEQ_OFFSET);
            if ((seq & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            int length = Math.min(Math.max(buffer.getInt(base + STEP_LENGTH_OFFSET), 0), MAX_STEP_BYTES);
            buffer.get(base + STEP_OFFSET, text, 0, length);
            VarHandle.acquireFence();
            if ((int) INTS.getAcquire(buffer, base + STEP_SEQ_OFFSET) == seq) {
                return new String(text, 0, length, StandardCharsets.US_ASCII);
            }
        }
        return "";
    }

    private void checkRank(int rank) {
        if (rank < 0 || rank >= ranks) {
            throw new IllegalArgumentException("rank " + rank + " is outside this board's 0.." + (ranks - 1));
        }
    }
}

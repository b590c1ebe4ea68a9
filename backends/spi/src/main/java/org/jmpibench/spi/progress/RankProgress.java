package org.jmpibench.spi.progress;

import static org.jmpibench.spi.progress.ProgressBoardDescriptor.CALL_OFFSET;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.MAX_STEP_BYTES;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.STEP_LENGTH_OFFSET;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.STEP_OFFSET;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.STEP_SEQ_OFFSET;

import java.lang.invoke.VarHandle;
import java.nio.MappedByteBuffer;

/**
 * One rank's writer of its progress-board slot. Recording a call is one plain store into shared memory when it starts
 * and one when it returns, no allocation and no system call: cheap enough to wrap every timed operation. Plain, because
 * a VarHandle's opaque store into a direct buffer costs several times more on Java 17; the compiler cannot drop the
 * first store, since the backend's call between them reaches native code or a fence. (The reader, another process,
 * looks only after a rank has stopped.) Like the communicator it serves, it is used by one thread at a time.
 */
public final class RankProgress {

    private final MappedByteBuffer buffer;
    private final int base;
    private int collectives;
    private int stepSeq;

    RankProgress(MappedByteBuffer buffer, int base) {
        this.buffer = buffer;
        this.base = base;
    }

    /** Entering {@code call}, which waits on {@code peer} (or {@link ProgressBoardDescriptor#ANY_PEER}). */
    public void enter(Call call, int peer) {
        if (call.collective()) {
            collectives++;
        }
        buffer.putLong(base + CALL_OFFSET, ProgressBoardDescriptor.callWord(collectives, call, peer));
    }

    /** The call entered last has returned normally. */
    public void leave() {
        buffer.putLong(base + CALL_OFFSET, ProgressBoardDescriptor.callWord(collectives, Call.NONE, 0));
    }

    /**
     * Says what this rank is doing now, in US-ASCII (other characters become '?'), cut at
     * {@value ProgressBoardDescriptor#MAX_STEP_BYTES} bytes. Copies the text: meant per step, not per operation.
     */
    public void step(CharSequence what) {
        int length = Math.min(what.length(), MAX_STEP_BYTES);
        ProgressBoard.INTS.setOpaque(buffer, base + STEP_SEQ_OFFSET, ++stepSeq);
        VarHandle.storeStoreFence();
        for (int i = 0; i < length; i++) {
            char c = what.charAt(i);
            buffer.put(base + STEP_OFFSET + i, c >= ' ' && c < 0x7F ? (byte) c : (byte) '?');
        }
        buffer.putInt(base + STEP_LENGTH_OFFSET, length);
        ProgressBoard.INTS.setRelease(buffer, base + STEP_SEQ_OFFSET, ++stepSeq);
    }
}

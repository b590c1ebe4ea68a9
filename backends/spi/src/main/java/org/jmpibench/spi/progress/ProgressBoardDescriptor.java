package org.jmpibench.spi.progress;

/**
 * The progress board's file layout, described once. One small file per job, created by the launcher, mapped by every
 * rank (and by the launcher, which reads it when the job fails); all numbers in native byte order.
 *
 * <pre>
 *  0                   4                   8                   12                  16               64
 *  +-------------------+-------------------+-------------------+-------------------+---- ... ----+
 *  | MAGIC             | VERSION           | ranks (N)         | JOINED_RANKS      | (zero)      |  header
 *  +-------------------+-------------------+-------------------+-------------------+---- ... ----+
 *  | slot of rank 0 (SLOT_BYTES)                                                                |
 *  | ...                                                                                        |
 *  | slot of rank N-1                                                                           |
 *  +--------------------------------------------------------------------------------------------+
 *
 *  slot:
 *  0                                              8         12         16            20        24            256
 *  +----------------------------------------------+---------+----------+-------------+---------+--- ... ----+
 *  | CALL: collectives (32) | call (8) | peer (24) | JOINED  | STEP_SEQ | STEP_LENGTH | (zero)  | step text  |
 *  +----------------------------------------------+---------+----------+-------------+---------+--- ... ----+
 * </pre>
 *
 * <ul>
 *   <li>A rank on another host sees the file only where that host shares the launcher's {@code /dev/shm} (the
 *       network-namespace hosts of the tests do); elsewhere it records nothing and says so ({@link #UNUSED_NOTICE}).
 *   <li>{@code JOINED_RANKS} counts the ranks that have mapped the board (atomic add); the last one deletes the file,
 *       so that nothing is left behind even if the launcher is killed, while every mapping stays valid.
 *   <li>{@code CALL}, one plain store when a communicator call starts and one when it returns: the {@link Call} (its
 *       ordinal; {@link Call#NONE} between calls), the peer or root it waits on ({@link #ANY_PEER} for all), and the
 *       number of collective calls this rank has entered, the current one included (it wraps; compare counts by their
 *       difference): a rank in its 5th collective waits for every rank that has not entered its 5th. A call that ends
 *       in an exception is not marked returned: the slot then shows where the rank failed.
 *   <li>The step is what the rank says it is doing (the harness's watchdog step), guarded by a sequence number that is
 *       odd while the text is being written.
 * </ul>
 */
public final class ProgressBoardDescriptor {

    /** Environment variable with the board file's path; ranks without it record nothing. */
    public static final String PATH_ENV = "JMPI_PROGRESS_BOARD";
    /**
     * What a rank that was given a board but cannot map it (on another host, which does not see the launcher's file)
     * says on its stderr, so that the launcher knows its empty slot tells nothing.
     */
    public static final String UNUSED_NOTICE = "progress board not used";

    /** "JPRG". */
    static final int MAGIC = 0x4A505247;

    static final int VERSION = 1;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int RANKS_OFFSET = 8;
    static final int JOINED_RANKS_OFFSET = 12;
    static final int HEADER_BYTES = 64;

    static final int SLOT_BYTES = 256;
    static final int CALL_OFFSET = 0;
    static final int JOINED_OFFSET = 8;
    static final int STEP_SEQ_OFFSET = 12;
    static final int STEP_LENGTH_OFFSET = 16;
    static final int STEP_OFFSET = 24;
    static final int MAX_STEP_BYTES = SLOT_BYTES - STEP_OFFSET;

    /** The peer field of a call that waits on every rank (barrier, close). */
    public static final int ANY_PEER = 0xFF_FFFF;

    private static final int CODE_SHIFT = 24;
    private static final int COLLECTIVES_SHIFT = 32;

    private ProgressBoardDescriptor() {}

    static long slotOffset(int rank) {
        return HEADER_BYTES + (long) rank * SLOT_BYTES;
    }

    static long fileBytes(int ranks) {
        return slotOffset(ranks);
    }

    static long callWord(int collectives, Call call, int peer) {
        return ((long) collectives << COLLECTIVES_SHIFT) | ((long) call.ordinal() << CODE_SHIFT) | (peer & ANY_PEER);
    }

    static int collectives(long word) {
        return (int) (word >>> COLLECTIVES_SHIFT);
    }

    static Call call(long word) {
        return Call.ofCode((int) (word >>> CODE_SHIFT) & 0xFF);
    }

    static int peer(long word) {
        return (int) word & ANY_PEER;
    }
}

package org.jmpibench.shm;

/**
 * The layout of one job's shared file, described once. Every offset the backend uses comes from here.
 *
 * <pre>
 * File: header page, then one ring per ordered pair (source -> destination), source-major, no self rings.
 *
 *   0                      4096                 4096 + ringStride                      fileBytes
 *   +----------------------+----------------------+----------------------+ ... +--------------------+
 *   | header page          | ring 0->1            | ring 0->2            |     | ring (np-1)->(np-2) |
 *   +----------------------+----------------------+----------------------+ ... +--------------------+
 *
 * Header page (written once by the launcher-side session before the file is renamed into place):
 *   0    long  MAGIC                     16   long  ring stride (bytes, page multiple)
 *   8    int   VERSION                   24   int   slots per ring
 *   12   int   np                        28   int   chunk payload bytes (multiple of 8)
 *                                        32   int   slot stride (bytes, multiple of 64)
 *   64 + 4 * r   int  rank r attached (0/1, written with release by rank r)
 *   2048         byte locked by the session for the whole job ("creator alive")
 *   2049 + r     byte locked by rank r while it lives (the kernel drops the lock when it dies)
 *
 * One ring (single producer = source rank, single consumer = destination rank); chunk n goes to slot
 * n mod slots:
 *   0    long  head: chunks consumed so far (written with release by the consumer only)
 *   8..127     padding, so the producer's slot writes never share a cache line (or its prefetch pair) with it
 *   128  slot 0, 128 + slotStride  slot 1, ...
 *
 * One slot (slotStride bytes, 64-aligned), carrying one chunk of one message:
 *   0    long  sequence: n + 1 for the n-th chunk ever written to this ring; written LAST, with release.
 *              The consumer owns the slot's contents once it reads (acquire) the sequence it expects.
 *   8    int   tag of the message
 *   12   int   bytes of payload in this chunk (0 .. chunk payload bytes)
 *   16   long  total bytes of the message (same in every chunk of it)
 *   24   payload ... (the first 40 payload bytes share the sequence's cache line: a small message
 *                     travels as one cache line)
 * </pre>
 *
 * A message of L bytes takes max(1, ceil(L / chunk)) consecutive slots; a zero-length message takes one slot. Every
 * chunk but the last is full, so chunk boundaries fall on multiples of 8 bytes within the message and int and double
 * elements never straddle two chunks.
 */
final class ShmLayoutDescriptor {

    static final long MAGIC = 0x4A4D5049_53484D31L; // "JMPISHM1"
    static final int VERSION = 1;
    static final int PAGE_BYTES = 4096;
    static final int CACHE_LINE_BYTES = 64;
    static final int MAX_RANKS = 256;

    static final int HEADER_BYTES = PAGE_BYTES;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 8;
    static final int NP_OFFSET = 12;
    static final int RING_STRIDE_OFFSET = 16;
    static final int SLOT_COUNT_OFFSET = 24;
    static final int CHUNK_BYTES_OFFSET = 28;
    static final int SLOT_STRIDE_OFFSET = 32;
    static final int ATTACHED_BASE_OFFSET = 64;
    static final int CREATOR_LOCK_OFFSET = 2048;
    static final int RANK_LOCK_BASE_OFFSET = 2049;

    static final int RING_HEAD_OFFSET = 0;
    static final int RING_SLOTS_OFFSET = 128;

    static final int SLOT_SEQUENCE_OFFSET = 0;
    static final int SLOT_TAG_OFFSET = 8;
    static final int SLOT_CHUNK_LENGTH_OFFSET = 12;
    static final int SLOT_MESSAGE_LENGTH_OFFSET = 16;
    static final int SLOT_PAYLOAD_OFFSET = 24;

    private ShmLayoutDescriptor() {}

    static int attachedOffset(int rank) {
        return ATTACHED_BASE_OFFSET + 4 * rank;
    }

    static int rankLockOffset(int rank) {
        return RANK_LOCK_BASE_OFFSET + rank;
    }

    /** Index of the ring carrying {@code source -> destination} among the np * (np - 1) rings. */
    static int ringIndex(int np, int source, int destination) {
        return source * (np - 1) + (destination < source ? destination : destination - 1);
    }

    static long ringOffset(int np, int source, int destination, long ringStride) {
        return HEADER_BYTES + ringIndex(np, source, destination) * ringStride;
    }

    /** Slot stride for a chunk payload: header plus payload, rounded up to whole cache lines. */
    static int slotStride(int chunkBytes) {
        return roundUp(SLOT_PAYLOAD_OFFSET + chunkBytes, CACHE_LINE_BYTES);
    }

    /** Bytes of one ring region: control block plus slots, rounded up to whole pages. */
    static long ringStride(int slotCount, int slotStride) {
        return roundUp(RING_SLOTS_OFFSET + (long) slotCount * slotStride, PAGE_BYTES);
    }

    static long fileBytes(int np, long ringStride) {
        return HEADER_BYTES + (long) np * (np - 1) * ringStride;
    }

    static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}

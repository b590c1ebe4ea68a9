package org.jmpibench.loopback;

/**
 * The wire protocol of the loopback and tcp backends, described once. All integers are big-endian on the handshake
 * sockets (they go through {@link java.io.DataOutputStream}) and native-order in data frames (payloads are copied with
 * native-order bulk views; every host of a job has one byte order, as the SPI says).
 *
 * <h2>1. Rendezvous (rank to the launcher's {@link RendezvousServer})</h2>
 *
 * <pre>
 *  rank -> server  REGISTER
 *  +-----------+-----------+-----------+-----------+--------------+-----------------+
 *  | MAGIC (4) | VERSION 4 | rank (4)  | port (4)  | tokenLen (4) | token (tokenLen)|
 *  +-----------+-----------+-----------+-----------+--------------+-----------------+
 *  server -> rank  once all N ranks registered, or when the rendezvous gives up
 *  +-----------+------------+------------------------------------------------------------------+
 *  | MAGIC (4) | status (4) | OK:    size (4), then for rank 0..size-1:                        |
 *  |           |            |        addrLen (4: 4 or 16), address (addrLen), port (4)         |
 *  |           |            | ERROR: msgLen (4), UTF-8 message (msgLen)                        |
 *  +-----------+------------+------------------------------------------------------------------+
 * </pre>
 *
 * A rank registers from the address it listens on (it binds its end of this connection to it), and the table gives each
 * rank's address as the rendezvous saw it: 127.0.0.1 for loopback, the host's interface for tcp.
 *
 * <h2>2. Mesh hello (both directions on every rank-to-rank connection, blocking, before data)</h2>
 *
 * The higher rank connects to the lower rank's listening port and speaks first; the lower rank answers with its own
 * hello only when the first one is valid, so both ends have proved they know the job token.
 *
 * <pre>
 *  +-----------+-----------+-----------+--------------+-----------------+
 *  | MAGIC (4) | VERSION 4 | rank (4)  | tokenLen (4) | token (tokenLen)|
 *  +-----------+-----------+-----------+--------------+-----------------+
 * </pre>
 *
 * A connection that is silent, speaks garbage or a wrong token is closed after at most the handshake timeout. Listening
 * sides read registrations and hellos without blocking, in a {@link HandshakeGate}; ranks block.
 *
 * <h2>3. Data frames (non-blocking channels, native byte order)</h2>
 *
 * <pre>
 *   0               4               8               12              16
 *  +---------------+---------------+---------------+---------------+---------------- ... --+---------+
 *  | FRAME_MAGIC   | kind          | tag           | byteLength    | payload (byteLength)   | padding |
 *  +---------------+---------------+---------------+---------------+---------------- ... --+---------+
 * </pre>
 *
 * The payload is padded with zeros to a multiple of {@link #ALIGNMENT} so that every header, and every payload, starts
 * 8-aligned in the stream: the receiver can then copy ints and doubles with bulk typed views of its receive buffer.
 * {@code kind} separates user messages from collective traffic, so internal messages cannot match a user tag. A header
 * whose magic, kind, tag or length is invalid (negative, or above the configured maximum) fails the connection before
 * anything is allocated.
 */
final class WireDescriptor {

    /** "JMPI" on handshake sockets. */
    static final int MAGIC = 0x4A4D5049;

    static final int VERSION = 2;
    /** A job token longer than this is refused unread: strangers must not make us allocate. */
    static final int MAX_TOKEN_BYTES = 256;
    /** A rendezvous error text longer than this is refused. */
    static final int MAX_ERROR_BYTES = 4096;

    static final int STATUS_OK = 0;
    static final int STATUS_ERROR = 1;

    /** "JMPF": first word of every data frame, catches a stream that lost sync. */
    static final int FRAME_MAGIC = 0x4A4D5046;

    static final int HEADER_BYTES = 16;
    static final int MAGIC_OFFSET = 0;
    static final int KIND_OFFSET = 4;
    static final int TAG_OFFSET = 8;
    static final int LENGTH_OFFSET = 12;
    /** Frames start at multiples of this, so doubles in payloads are aligned in the receive buffer. */
    static final int ALIGNMENT = 8;

    /** A point-to-point message of the application; tag is the user's tag (>= 0). */
    static final int KIND_USER = 1;

    static final int KIND_BCAST = 2;
    static final int KIND_GATHER = 3;
    /** Zero-byte frames of the dissemination barrier; tag is the round's distance. */
    static final int KIND_BARRIER = 4;
    /** The collectives of {@link org.jmpibench.collectives.Algorithms}; tag is the operation's tag there. */
    static final int KIND_COLLECTIVE = 5;

    static final int MAX_KIND = KIND_COLLECTIVE;

    private WireDescriptor() {}

    /** Payload bytes plus padding up to the next multiple of {@link #ALIGNMENT}. */
    static long paddedLength(int byteLength) {
        return (byteLength + (long) ALIGNMENT - 1) & -ALIGNMENT;
    }
}

package org.jmpibench.loopback;

import static org.jmpibench.loopback.WireDescriptor.MAGIC;
import static org.jmpibench.loopback.WireDescriptor.MAX_ERROR_BYTES;
import static org.jmpibench.loopback.WireDescriptor.MAX_TOKEN_BYTES;
import static org.jmpibench.loopback.WireDescriptor.STATUS_ERROR;
import static org.jmpibench.loopback.WireDescriptor.STATUS_OK;
import static org.jmpibench.loopback.WireDescriptor.VERSION;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Reads and writes the handshake messages of {@link WireDescriptor} (sections 1 and 2) on a rank's blocking sockets,
 * and checks them for the listening side's {@link HandshakeGate}. Every read checks magic, version, sizes and token
 * before it trusts a field, and refuses with {@link Refused}; the caller closes the connection. Callers set a socket
 * read timeout, so a silent peer ends in a {@link java.net.SocketTimeoutException}.
 */
final class Handshake {

    /** The other side is not a rank of this job (or not a rank at all). */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private Handshake() {}

    /** A stream that sends each handshake message in one write (flushed by the write methods). */
    static DataOutputStream output(java.net.Socket socket) throws IOException {
        return new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream(), 512));
    }

    /** Unbuffered on purpose: reading past the handshake would swallow the first data frame. */
    static DataInputStream input(java.net.Socket socket) throws IOException {
        return new DataInputStream(socket.getInputStream());
    }

    static void writeHello(DataOutputStream out, int rank, byte[] token) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(rank);
        writeToken(out, token);
        out.flush();
    }

    /** @return the rank the peer claims, after its token was checked */
    static int readHello(DataInputStream in, byte[] token) throws IOException {
        readMagicAndVersion(in);
        int rank = in.readInt();
        readAndCheckToken(in, token);
        return rank;
    }

    static void writeRegistration(DataOutputStream out, int rank, int port, byte[] token) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(rank);
        out.writeInt(port);
        writeToken(out, token);
        out.flush();
    }

    static void writeTable(DataOutputStream out, InetSocketAddress[] listening) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(STATUS_OK);
        out.writeInt(listening.length);
        for (InetSocketAddress address : listening) {
            byte[] raw = address.getAddress().getAddress();
            out.writeInt(raw.length);
            out.write(raw);
            out.writeInt(address.getPort());
        }
        out.flush();
    }

    static void writeError(DataOutputStream out, String message) throws IOException {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, MAX_ERROR_BYTES);
        out.writeInt(MAGIC);
        out.writeInt(STATUS_ERROR);
        out.writeInt(length);
        out.write(text, 0, length);
        out.flush();
    }

    /**
     * @return where every rank listens, indexed by rank
     * @throws Refused when the rendezvous answered with an error (its text is the message) or nonsense
     */
    static InetSocketAddress[] readTable(DataInputStream in, int expectedSize) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new Refused("rendezvous answered with bad magic 0x" + Integer.toHexString(magic));
        }
        int status = in.readInt();
        if (status == STATUS_ERROR) {
            int length = in.readInt();
            if (length < 0 || length > MAX_ERROR_BYTES) {
                throw new Refused("rendezvous error of " + length + " bytes");
            }
            byte[] text = new byte[length];
            in.readFully(text);
            throw new Refused(new String(text, StandardCharsets.UTF_8));
        }
        if (status != STATUS_OK) {
            throw new Refused("rendezvous answered with unknown status " + status);
        }
        int size = in.readInt();
        if (size != expectedSize) {
            throw new Refused("rendezvous table has " + size + " ranks, this job has " + expectedSize);
        }
        InetSocketAddress[] listening = new InetSocketAddress[size];
        for (int r = 0; r < size; r++) {
            int length = in.readInt();
            if (length != 4 && length != 16) {
                throw new Refused("rendezvous table gives rank " + r + " an address of " + length + " bytes");
            }
            byte[] raw = new byte[length];
            in.readFully(raw);
            int port = in.readInt();
            if (port <= 0 || port > 65535) {
                throw new Refused("rendezvous table gives rank " + r + " port " + port);
            }
            listening[r] = new InetSocketAddress(InetAddress.getByAddress(raw), port);
        }
        return listening;
    }

    private static void writeToken(DataOutputStream out, byte[] token) throws IOException {
        out.writeInt(token.length);
        out.write(token);
    }

    private static void readMagicAndVersion(DataInputStream in) throws IOException {
        int magic = in.readInt();
        checkMagicAndVersion(magic, magic == MAGIC ? in.readInt() : VERSION);
    }

    private static void readAndCheckToken(DataInputStream in, byte[] token) throws IOException {
        byte[] presented = new byte[checkTokenLength(in.readInt())];
        in.readFully(presented);
        checkToken(presented, token);
    }

    /** The first two ints of every handshake message. */
    static void checkMagicAndVersion(int magic, int version) throws Refused {
        if (magic != MAGIC) {
            throw new Refused("bad magic 0x" + Integer.toHexString(magic));
        }
        if (version != VERSION) {
            throw new Refused("protocol version " + version + ", expected " + VERSION);
        }
    }

    /** @return {@code length}, when a token that long may be read (strangers must not make us allocate) */
    static int checkTokenLength(int length) throws Refused {
        if (length < 0 || length > MAX_TOKEN_BYTES) {
            throw new Refused("token of " + length + " bytes");
        }
        return length;
    }

    static void checkToken(byte[] presented, byte[] token) throws Refused {
        // Constant-time: a stranger learns nothing from how long the comparison took.
        if (!MessageDigest.isEqual(presented, token)) {
            throw new Refused("wrong job token");
        }
    }
}

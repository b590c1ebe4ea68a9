package org.jmpibench.loopback;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Connections that are not ranks of the job: what a stray or hostile local process could send. */
final class Strangers implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();

    Socket silent(int port) throws IOException {
        return open(port);
    }

    Socket garbage(int port) throws IOException {
        Socket socket = open(port);
        byte[] noise = new byte[64];
        new Random(42).nextBytes(noise);
        socket.getOutputStream().write(noise);
        return socket;
    }

    /** A well-formed mesh hello that claims {@code rank} but presents the wrong token. */
    Socket wrongTokenHello(int port, int rank) throws IOException {
        Socket socket = open(port);
        Handshake.writeHello(Handshake.output(socket), rank, "not-the-token".getBytes(StandardCharsets.UTF_8));
        return socket;
    }

    /** A well-formed registration that claims {@code rank} but presents the wrong token. */
    Socket wrongTokenRegistration(int port, int rank) throws IOException {
        Socket socket = open(port);
        Handshake.writeRegistration(
                Handshake.output(socket), rank, 4242, "not-the-token".getBytes(StandardCharsets.UTF_8));
        return socket;
    }

    /** A header that announces a 2 GiB token: must be refused without allocating it. */
    Socket hugeToken(int port, boolean registration) throws IOException {
        Socket socket = open(port);
        DataOutputStream out = Handshake.output(socket);
        out.writeInt(WireDescriptor.MAGIC);
        out.writeInt(WireDescriptor.VERSION);
        out.writeInt(0);
        if (registration) {
            out.writeInt(4242);
        }
        out.writeInt(Integer.MAX_VALUE);
        out.flush();
        return socket;
    }

    void connectAndLeave(int port) throws IOException {
        open(port).close();
    }

    /** {@code count} silent connections, kept open, and as many that connect and leave at once. */
    List<Socket> flood(int port, int count) throws IOException {
        List<Socket> silent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            silent.add(silent(port));
            connectAndLeave(port);
        }
        return silent;
    }

    /** True when the other side closed this connection (EOF or reset) without sending anything first. */
    static boolean closedWithoutAnswer(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset: closed with our bytes unread
        }
    }

    private Socket open(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        sockets.add(socket);
        return socket;
    }

    @Override
    public void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Test clean-up.
            }
        }
    }
}

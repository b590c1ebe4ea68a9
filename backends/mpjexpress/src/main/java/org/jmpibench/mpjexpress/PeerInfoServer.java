package org.jmpibench.mpjexpress;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import org.jmpibench.launcher.JobSession;

/**
 * Stands in for MPJ's {@code MPJRun} in a niodev job: the rendezvous where ranks learn each other's addresses and
 * ports, on an ephemeral port (of 127.0.0.1 on one host, of the launcher host's interface across hosts) rather than
 * MPJ's fixed 40002, so that jobs can run side by side. Each rank's address is the one its connection here came from:
 * across hosts, its host's address on the route to the launcher.
 *
 * <p>MPJ 0.44's protocol, seen from here: each rank connects and sends {@code writeUTF("Sending Info")},
 * {@code writeInt(writePort)}, {@code writeInt(readPort)}, {@code writeInt(rank)}. Once all N have, each gets one
 * {@code writeUTF("#Peer Information;HOST@readPort@writePort@RANK@0;...")}, ordered by rank, and the connection closes;
 * the ranks then connect to each other. The ranks learn where this server is from the configuration string on their
 * command line ({@link #conf()}).
 */
final class PeerInfoServer implements JobSession {

    /**
     * Every message goes eagerly: MPJ 0.44's niodev rendezvous (messages over this limit; MPJ's default is 128 KiB)
     * deadlocks when two ranks have large sends to each other in flight. The cause and the cost: the table of MPJ's
     * bugs in backends/mpjexpress/README.md.
     */
    private static final int PROTOCOL_SWITCH_LIMIT_BYTES = Integer.MAX_VALUE;
    /** A rank sends its ports right after connecting; anything slower is not one of our ranks. */
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    /** Room in the kernel's queue for a burst of connections: a full queue makes a rank's connect wait seconds. */
    private static final int BACKLOG = 1024;

    private final int np;
    private final Map<String, String> env;
    private final ServerSocket server;
    private final Socket[] peers;
    private final int[] writePorts;
    private final int[] readPorts;
    private final String[] hosts;
    private final Thread thread;
    /** Guarded by {@code peers}. */
    private int joined;

    private volatile String problem = "";

    private PeerInfoServer(int np, Map<String, String> env, InetAddress bind) throws IOException {
        this.np = np;
        this.env = env;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(bind, 0), BACKLOG);
        this.peers = new Socket[np];
        this.writePorts = new int[np];
        this.readPorts = new int[np];
        this.hosts = new String[np];
        this.thread = new Thread(this::serve, "jmpi-mpj-peer-info-" + server.getLocalPort());
        thread.setDaemon(true);
    }

    /** Starts serving one job of {@code np} ranks on {@code bind}; {@code env} is given to every rank. */
    static PeerInfoServer start(int np, Map<String, String> env, InetAddress bind) {
        try {
            PeerInfoServer s = new PeerInfoServer(np, env, bind);
            s.thread.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not open the niodev peer-information server on " + bind.getHostAddress() + ": " + e, e);
        }
    }

    /** MPJ's niodev configuration, as one {@code ;}-separated string (0.44 reads no file for it). */
    String conf() {
        return "#temp line;#Number of Processes;" + np + ";#Protocol Switch Limit;" + PROTOCOL_SWITCH_LIMIT_BYTES
                + ";#Server Name;" + server.getInetAddress().getHostAddress() + ";#Server Port;"
                + server.getLocalPort();
    }

    /** Why the rendezvous failed, or empty. */
    String problem() {
        return problem;
    }

    @Override
    public Map<String, String> envFor(int rank) {
        return env;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing is best effort: the ranks are gone by now.
        }
        synchronized (peers) {
            for (Socket peer : peers) {
                closeQuietly(peer);
            }
        }
        thread.interrupt();
    }

    /**
     * Accepts until every rank has joined (or the job ends). Each connection is read on a thread of its own, so a
     * silent or slow stranger delays nobody: it is dropped at the handshake timeout, and no number of them turns a rank
     * away. (MPJ's protocol has no secret: a local process that sends a rank's information first takes its place, and
     * the job fails; see bench/reliability/README.md, Who can connect.)
     */
    private void serve() {
        try {
            while (true) {
                Socket socket = server.accept();
                Thread handshake = new Thread(() -> admit(socket), "jmpi-mpj-peer-info-handshake");
                handshake.setDaemon(true);
                handshake.start();
            }
        } catch (IOException e) {
            // Closed: once every rank has joined, or by close() when the job ends.
        }
    }

    /** Reads one connection's peer information; the last rank to join sends everyone the table. */
    private void admit(Socket socket) {
        String hello;
        int writePort;
        int readPort;
        int rank;
        try {
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            hello = in.readUTF();
            writePort = in.readInt();
            readPort = in.readInt();
            rank = in.readInt();
        } catch (IOException e) {
            // Silent, slow, gone or garbage: not one of our ranks.
            closeQuietly(socket);
            return;
        }
        synchronized (peers) {
            if (!"Sending Info".equals(hello) || rank < 0 || rank >= np || peers[rank] != null || joined == np) {
                problem = "unexpected peer information: '" + hello + "' from rank " + rank;
                closeQuietly(socket);
                return;
            }
            peers[rank] = socket;
            writePorts[rank] = writePort;
            readPorts[rank] = readPort;
            hosts[rank] = socket.getInetAddress().getHostAddress();
            if (++joined < np) {
                return;
            }
        }
        String answer = peerInformation();
        for (Socket peer : peers) {
            try {
                DataOutputStream out = new DataOutputStream(peer.getOutputStream());
                out.writeUTF(answer);
                out.flush();
            } catch (IOException e) {
                // That rank died mid-handshake: the launcher reports it.
            }
            closeQuietly(peer);
        }
        try {
            server.close();
        } catch (IOException e) {
            // Nothing more to serve either way.
        }
    }

    private String peerInformation() {
        StringBuilder answer = new StringBuilder("#Peer Information");
        for (int rank = 0; rank < np; rank++) {
            answer.append(';')
                    .append(hosts[rank])
                    .append('@')
                    .append(readPorts[rank])
                    .append('@')
                    .append(writePorts[rank])
                    .append('@')
                    .append(rank)
                    .append("@0");
        }
        return answer.toString();
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already gone.
            }
        }
    }
}

package org.jmpibench.mpjexpress;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jmpibench.launcher.JobSession;

/**
 * Stands in for MPJ's {@code MPJRun} in a niodev job: the rendezvous where ranks learn each other's addresses and
 * ports, on an ephemeral port (of 127.0.0.1 on one host, of the launcher host's interface across hosts) rather
 * than MPJ's fixed 40002, so that jobs can run side by side. Each rank's address is the one its connection here
 * came from: across hosts, its host's address on the route to the launcher.
 *
 * <p>MPJ 0.44's protocol, seen from here: each rank connects and sends {@code writeUTF("Sending Info")},
 * {@code writeInt(writePort)}, {@code writeInt(readPort)}, {@code writeInt(rank)}. Once all N have, each gets one
 * {@code writeUTF("#Peer Information;HOST@readPort@writePort@RANK@0;...")}, ordered by rank, and the connection
 * closes; the ranks then connect to each other. The ranks learn where this server is from the configuration
 * string on their command line ({@link #conf()}).
 */
final class PeerInfoServer implements JobSession {

    private static final int PROTOCOL_SWITCH_LIMIT_BYTES = 128 * 1024;
    /** A rank sends its ports right after connecting; anything slower is not one of our ranks. */
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final int np;
    private final Map<String, String> env;
    private final ServerSocket server;
    private final Socket[] peers;
    private final int[] writePorts;
    private final int[] readPorts;
    private final String[] hosts;
    private final Thread thread;
    private volatile String problem = "";

    private PeerInfoServer(int np, Map<String, String> env, InetAddress bind) throws IOException {
        this.np = np;
        this.env = env;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(bind, 0), np);
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
            throw new IllegalStateException("could not open the niodev peer-information server on "
                    + bind.getHostAddress() + ": " + e, e);
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

    private void serve() {
        List<Socket> extra = new ArrayList<>();
        try {
            for (int joined = 0; joined < np; ) {
                Socket socket = server.accept();
                socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
                DataInputStream in = new DataInputStream(socket.getInputStream());
                String hello = in.readUTF();
                int writePort = in.readInt();
                int readPort = in.readInt();
                int rank = in.readInt();
                synchronized (peers) {
                    if (!"Sending Info".equals(hello) || rank < 0 || rank >= np || peers[rank] != null) {
                        problem = "unexpected peer information: '" + hello + "' from rank " + rank;
                        extra.add(socket);
                        continue;
                    }
                    peers[rank] = socket;
                }
                writePorts[rank] = writePort;
                readPorts[rank] = readPort;
                hosts[rank] = socket.getInetAddress().getHostAddress();
                joined++;
            }
            String answer = peerInformation();
            for (Socket peer : peers) {
                DataOutputStream out = new DataOutputStream(peer.getOutputStream());
                out.writeUTF(answer);
                out.flush();
                closeQuietly(peer);
            }
        } catch (IOException e) {
            // Closed by close() when the job ends, or a rank died mid-handshake: the launcher reports the rank.
        } finally {
            extra.forEach(PeerInfoServer::closeQuietly);
            try {
                server.close();
            } catch (IOException e) {
                // Nothing more to serve either way.
            }
        }
    }

    private String peerInformation() {
        StringBuilder answer = new StringBuilder("#Peer Information");
        for (int rank = 0; rank < np; rank++) {
            answer.append(';').append(hosts[rank]).append('@').append(readPorts[rank]).append('@')
                    .append(writePorts[rank]).append('@').append(rank).append("@0");
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

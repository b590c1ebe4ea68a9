package org.jmpibench.loopback;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.jmpibench.spi.CommunicatorException;

/** A rank's side of the rendezvous: register (rank, listening address), wait for every rank's address. */
final class RendezvousClient {

    private RendezvousClient() {}

    /**
     * @param listening where this rank listens; the registration is sent from its address, which is how the rendezvous
     *     learns it
     * @return where every rank listens, indexed by rank
     * @throws CommunicatorException when the rendezvous cannot be reached, refuses, reports missing ranks, or stays
     *     silent past the rendezvous timeout
     */
    static InetSocketAddress[] exchange(
            InetSocketAddress rendezvous,
            int rank,
            int size,
            InetSocketAddress listening,
            byte[] token,
            LoopbackConfig config) {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.bind(new InetSocketAddress(listening.getAddress(), 0));
            socket.connect(rendezvous, config.handshakeTimeoutMs());
            // The server answers only when every rank has registered, or with an error at its own timeout:
            // wait a little longer than that, so its explanation arrives before ours.
            socket.setSoTimeout(config.rendezvousTimeoutMs() + config.handshakeTimeoutMs());
            Handshake.writeRegistration(Handshake.output(socket), rank, listening.getPort(), token);
            return Handshake.readTable(Handshake.input(socket), size);
        } catch (Handshake.Refused e) {
            throw new CommunicatorException("rank " + rank + ": " + e.getMessage(), e);
        } catch (SocketTimeoutException e) {
            throw new CommunicatorException(
                    "rank " + rank + ": no answer from the rendezvous at "
                            + rendezvous + " within " + (config.rendezvousTimeoutMs() + config.handshakeTimeoutMs())
                            + " ms",
                    e);
        } catch (IOException e) {
            throw new CommunicatorException("rank " + rank + ": rendezvous at " + rendezvous + " failed: " + e, e);
        }
    }
}

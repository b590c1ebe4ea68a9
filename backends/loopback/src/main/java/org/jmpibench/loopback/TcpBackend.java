package org.jmpibench.loopback;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import org.jmpibench.launcher.BindAddress;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.JobSpec;

/**
 * The loopback backend across hosts: the same ranks, mesh and wire protocol, with sockets on each host's network
 * interface instead of 127.0.0.1. Ranks on other hosts than the launcher's are started through the launch agent (ssh by
 * default, {@link org.jmpibench.launcher.RemoteLaunch}); the rendezvous listens on the launcher host's address that the
 * hosts reach, every rank on its own host's address ({@link BindAddress}: the interface named by
 * {@value BindAddress#INTERFACE_ENV}, else the one that routes to the peer). Without a hostfile and without
 * {@value BindAddress#INTERFACE_ENV} it is loopback under another name.
 */
public final class TcpBackend extends SocketBackend {

    public static final String NAME = "tcp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean spansHosts() {
        return true;
    }

    /** Without hosts and without an interface, its sockets are loopback's, on 127.0.0.1. */
    @Override
    public Optional<String> singleHostForm() {
        return Optional.of(LoopbackBackend.NAME);
    }

    @Override
    public Availability availability() {
        return Availability.available(
                "TCP across hosts, jmpi-bench (Java " + Runtime.version().feature() + ")");
    }

    @Override
    InetAddress rendezvousAddress(JobSpec spec, Map<String, String> env) {
        return BindAddress.forLauncher(env, spec.hostfile());
    }

    @Override
    boolean acrossHosts() {
        return true;
    }

    @Override
    InetAddress listenAddress(Map<String, String> env, InetSocketAddress rendezvous) {
        return BindAddress.forRank(env, rendezvous.getAddress());
    }
}

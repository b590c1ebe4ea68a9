package org.jmpibench.loopback;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.jmpibench.launcher.LocalHost;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.JobLauncher;
import org.jmpibench.spi.JobSpec;

/**
 * Our own pure-Java backend on one host: one JVM per rank, a full mesh of TCP connections on 127.0.0.1, met through a
 * rendezvous server that the launcher runs for each job. Needs nothing but a JDK, so it is always available. Its form
 * across hosts is {@link TcpBackend}. Knobs: see {@link LoopbackConfig}.
 */
public final class LoopbackBackend extends SocketBackend {

    public static final String NAME = "loopback";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Availability availability() {
        return Availability.available(
                "TCP 127.0.0.1, jmpi-bench (Java " + Runtime.version().feature() + ")");
    }

    @Override
    public JobLauncher launcher() {
        JobLauncher launcher = super.launcher();
        return spec -> {
            LocalHost.requireOnlyThisHost(NAME, spec.hostfile());
            return launcher.run(spec.withHostfile(null));
        };
    }

    @Override
    InetAddress rendezvousAddress(JobSpec spec, Map<String, String> env) {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    boolean acrossHosts() {
        return false;
    }

    @Override
    InetAddress listenAddress(Map<String, String> env, InetSocketAddress rendezvous) {
        return InetAddress.getLoopbackAddress();
    }
}

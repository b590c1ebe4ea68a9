package org.jmpibench.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jmpibench.spi.Hosts;

/**
 * Which address of this host a socket of a multi-host job binds and tells its peers: the one setting shared by every
 * backend that spans hosts ({@value #INTERFACE_ENV}), and the choice when it is not set.
 *
 * <p>{@value #INTERFACE_ENV} works like Open MPI's {@code btl_tcp_if_include} (the openmpi backend passes it on as that
 * and as {@code oob_tcp_if_include}): a comma-separated list of interface names ({@code eth1}) or IPv4 subnets
 * ({@code 10.1.0.0/16}); the first match, in list order, wins, IPv4 before IPv6. Unset, the address is the one the
 * kernel's routes would use to reach the peer host (a connected UDP socket reveals it without sending anything).
 */
public final class BindAddress {

    /** Interface names or subnets, e.g. {@code ib0} or {@code 10.1.0.0/16,eth1}. */
    public static final String INTERFACE_ENV = "JMPI_INTERFACE";

    private BindAddress() {}

    /** The configured interfaces, or null when {@value #INTERFACE_ENV} is not set. */
    public static String configured(Map<String, String> env) {
        String value = env.get(INTERFACE_ENV);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Where the launcher's rendezvous listens for a job on {@code hosts}: on the configured interface, else on the
     * address that routes to the first host that is not this one, else (no hosts, or all of them this one) on loopback.
     *
     * @param hosts the job's hosts, or null for this machine only
     * @throws IllegalArgumentException when the interface matches nothing or a host name does not resolve
     */
    public static InetAddress forLauncher(Map<String, String> env, Hosts hosts) {
        String interfaces = configured(env);
        if (interfaces != null) {
            return ofInterfaces(interfaces);
        }
        for (String host : hosts == null ? List.<String>of() : hosts.names()) {
            if (!LocalHost.is(host)) {
                return towards(resolve(host));
            }
        }
        return InetAddress.getLoopbackAddress();
    }

    /** Where a rank listens: on the configured interface, else on the address that routes to the rendezvous. */
    public static InetAddress forRank(Map<String, String> env, InetAddress rendezvous) {
        String interfaces = configured(env);
        return interfaces != null ? ofInterfaces(interfaces) : towards(rendezvous);
    }

    /** This host's first address on the interfaces or subnets listed in {@code spec}. */
    public static InetAddress ofInterfaces(String spec) {
        List<NetworkInterface> all;
        try {
            all = Collections.list(NetworkInterface.getNetworkInterfaces());
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot list this host's network interfaces: " + e.getMessage(), e);
        }
        for (String wanted : spec.split(",")) {
            String item = wanted.strip();
            List<InetAddress> found = new ArrayList<>();
            for (NetworkInterface nic : all) {
                for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                    if (matches(item, nic, address.getAddress())) {
                        found.add(address.getAddress());
                    }
                }
            }
            found.sort(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1));
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        throw new IllegalArgumentException("$" + INTERFACE_ENV + " '" + spec + "' matches no interface of host "
                + LocalHost.name() + " (it has "
                + all.stream().map(NetworkInterface::getName).sorted().toList()
                + ")");
    }

    /** The local address the routes choose for reaching {@code remote}; nothing is sent. */
    public static InetAddress towards(InetAddress remote) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(remote, 9));
            InetAddress local = probe.getLocalAddress();
            if (local == null || local.isAnyLocalAddress()) {
                throw new IllegalArgumentException("no route from host " + LocalHost.name() + " to "
                        + remote.getHostAddress() + "; set $" + INTERFACE_ENV);
            }
            return local;
        } catch (IOException e) {
            throw new IllegalArgumentException("no route from host " + LocalHost.name() + " to "
                    + remote.getHostAddress() + " (" + e.getMessage() + "); set $" + INTERFACE_ENV);
        }
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host " + host + " of the hostfile has no address here");
        }
    }

    private static boolean matches(String item, NetworkInterface nic, InetAddress address) {
        int slash = item.indexOf('/');
        if (slash < 0) {
            return item.equals(nic.getName());
        }
        InetAddress network;
        int bits;
        try {
            if (!item.substring(0, slash).matches("[0-9a-fA-F.:]+")) {
                throw new NumberFormatException(item);
            }
            network = InetAddress.getByName(item.substring(0, slash));
            bits = Integer.parseInt(item.substring(slash + 1));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("$" + INTERFACE_ENV + ": '" + item + "' is neither an interface name "
                    + "nor a subnet like 10.1.0.0/16");
        }
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length || bits < 0 || bits > 8 * n.length) {
            return false;
        }
        for (int bit = 0; bit < bits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}

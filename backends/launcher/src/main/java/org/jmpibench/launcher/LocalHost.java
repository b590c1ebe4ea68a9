package org.jmpibench.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jmpibench.spi.Hosts;

/**
 * Which host names mean "this machine": the launcher starts ranks placed on them itself, and ranks placed on any other
 * host through the launch agent ({@link RemoteLaunch}).
 */
public final class LocalHost {

    private LocalHost() {}

    /** This machine's host name (of this UTS namespace, which is what tells simulated hosts apart). */
    public static String name() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: ask Java.
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * Whether {@code host} is this machine: {@code localhost}, this host's name (short or qualified), or a name that
     * resolves to an address of one of this machine's interfaces.
     */
    public static boolean is(String host) {
        String wanted = host.toLowerCase(Locale.ROOT);
        String mine = name().toLowerCase(Locale.ROOT);
        boolean oneUnqualified = wanted.indexOf('.') < 0 || mine.indexOf('.') < 0;
        if (wanted.equals("localhost")
                || wanted.equals(mine)
                || (oneUnqualified && shortName(wanted).equals(shortName(mine)))) {
            return true;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }

    /**
     * Refuses a job on more than this one host, for backends that run on one host only.
     *
     * @param hosts the job's hosts, or null for this machine
     * @throws IllegalArgumentException naming the backend and the hosts
     */
    public static void requireOnlyThisHost(String backend, Hosts hosts) {
        if (hosts == null) {
            return;
        }
        List<String> names = hosts.names();
        if (hosts.spansHosts()) {
            throw new IllegalArgumentException("backend " + backend + " runs on one host only; the hostfile names "
                    + names.size() + " (" + String.join(", ", names) + "): across hosts use tcp, openmpi or "
                    + "mpj-niodev");
        }
        if (!is(names.get(0))) {
            throw new IllegalArgumentException("backend " + backend + " runs on this host only (" + name()
                    + "); the hostfile names " + names.get(0));
        }
    }

    private static String shortName(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }
}

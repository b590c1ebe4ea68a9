package org.jmpibench.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The machine's listening TCP sockets, from {@code /proc/net/tcp} and {@code tcp6}: inode to local address. */
final class TcpTable {

    /** State column value of a listening socket. */
    private static final String LISTEN = "0A";

    private TcpTable() {}

    /** Whether a local address from {@link #listening} is on 127.0.0.0/8 (IPv4, or IPv4-mapped IPv6). */
    static boolean isLoopback(String address) {
        String hex = address.substring(0, address.lastIndexOf(':'));
        // The kernel writes the IPv4 address as a little-endian word: 127.x.y.z ends in "7F".
        if (hex.length() == 8) {
            return hex.endsWith("7F");
        }
        return hex.equals("00000000000000000000000001000000") // ::1
                || (hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F")); // ::ffff:127.x.y.z
    }

    /** The TCP ports process {@code pid} listens on. */
    static List<Integer> listeningPortsOf(long pid) {
        Map<Long, String> listening = listening();
        return JobWatch.socketInodesOf(pid).stream()
                .filter(listening::containsKey)
                .map(listening::get)
                .map(address -> Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)))
                .toList();
    }

    /** Inode to "address:port" (hex address as the kernel writes it, port in decimal). */
    static Map<Long, String> listening() {
        Map<Long, String> sockets = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
                if (f.length > 9 && f[3].equals(LISTEN)) {
                    String local = f[1];
                    int colon = local.lastIndexOf(':');
                    String address = local.substring(0, colon);
                    int port = Integer.parseInt(local.substring(colon + 1), 16);
                    sockets.put(Long.parseLong(f[9]), address + ":" + port);
                }
            }
        }
        return sockets;
    }
}

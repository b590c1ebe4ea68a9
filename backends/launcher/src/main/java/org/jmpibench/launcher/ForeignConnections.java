package org.jmpibench.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Open TCP connections into the listening ports of a process that we cannot change (Open MPI's {@code mpirun}) from
 * processes outside its job, read from {@code /proc} (Linux). For the one-line failure when such connections stall a
 * job: which ports, how many connections, and from which processes where we can see them.
 *
 * @param ports the process's listening TCP ports
 * @param connections established connections into them from outside the job
 * @param from "PID command" of the processes holding their other end, where visible
 */
public record ForeignConnections(Set<Integer> ports, int connections, Set<String> from) {

    private static final String LISTEN = "0A";
    private static final String ESTABLISHED = "01";
    private static final String IPV4_MAPPED = "0000000000000000FFFF0000";
    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");

    /** One row of {@code /proc/net/tcp[6]}: endpoints as the kernel writes them ("HEXADDR:HEXPORT"). */
    record Row(String local, String remote, String state, long inode) {
        int localPort() {
            return Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
        }
    }

    /**
     * The connections into {@code server}'s listening ports whose other end is held by no process of {@code job}. Cheap
     * enough to check every second: it reads the TCP tables and the sockets of the job's processes, and looks through
     * every process only to name the foreign ones.
     *
     * @param jobElsewhere whether the job has processes on other hosts: a connection whose other end is not in this
     *     host's tables (another host, or network namespace) is then taken for one of them, else it counts as foreign
     */
    public static ForeignConnections into(ProcessHandle server, Set<Long> job, boolean jobElsewhere) {
        Set<Long> jobSockets = new HashSet<>();
        job.forEach(pid -> jobSockets.addAll(socketsOf(pid)));
        Found found = find(tcpTable(), socketsOf(server.pid()), jobSockets, jobElsewhere);
        Set<String> from = new TreeSet<>();
        for (long owner : owners(found.foreignEnds)) {
            from.add(owner + " "
                    + ProcessHandle.of(owner)
                            .flatMap(p -> p.info().command())
                            .map(command -> Path.of(command).getFileName().toString())
                            .orElse("?"));
        }
        return new ForeignConnections(found.ports, found.connections, from);
    }

    /** What {@link #find} found: the server's ports, the foreign connections, and their other ends' socket inodes. */
    record Found(Set<Integer> ports, int connections, Set<Long> foreignEnds) {}

    /**
     * The matching itself, on the rows of the TCP tables: a connection into the server's ports is foreign when its
     * other end, the row whose endpoints are the same two the other way round, belongs to no socket of the job.
     *
     * <p>Both endpoints are needed to find the other end: Linux gives one ephemeral port to several connections when
     * their remote ends differ, and a closed connection lingers in TIME_WAIT (inode 0) with its old local endpoint, so
     * the local endpoint alone can name another connection's row; under a busy machine's connection churn that made a
     * job's own rank look like a stranger.
     */
    static Found find(List<Row> rows, Set<Long> serverSockets, Set<Long> jobSockets, boolean jobElsewhere) {
        Set<Integer> ports = new TreeSet<>();
        for (Row row : rows) {
            if (row.state.equals(LISTEN) && serverSockets.contains(row.inode)) {
                ports.add(row.localPort());
            }
        }
        Map<String, Row> byEndpoints = new HashMap<>();
        rows.forEach(row -> byEndpoints.put(row.local + ">" + row.remote, row));
        Set<Long> foreignEnds = new HashSet<>();
        int connections = 0;
        for (Row row : rows) {
            if (!row.state.equals(ESTABLISHED)
                    || !serverSockets.contains(row.inode)
                    || !ports.contains(row.localPort())) {
                continue;
            }
            Row client = byEndpoints.get(row.remote + ">" + row.local);
            if (client == null ? !jobElsewhere : !jobSockets.contains(client.inode)) {
                connections++;
                if (client != null) {
                    foreignEnds.add(client.inode);
                }
            }
        }
        return new Found(ports, connections, foreignEnds);
    }

    /** The listening TCP ports of {@code process}. */
    public static Set<Integer> listeningPorts(ProcessHandle process) {
        return into(process, Set.of(), false).ports();
    }

    /** "2 connections from outside the job to mpirun's ports 34073, 48623 (from PID 4242 python3)". */
    public String describe(String whose) {
        return connections + " connection" + (connections == 1 ? "" : "s") + " from outside the job to " + whose
                + " port" + (ports.size() == 1 ? " " : "s ")
                + ports.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (from.isEmpty() ? "" : " (from PID " + String.join(", ", from) + ")");
    }

    private static Set<Long> socketsOf(long pid) {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    Matcher socket = SOCKET.matcher(Files.readSymbolicLink(fd).toString());
                    if (socket.matches()) {
                        inodes.add(Long.parseLong(socket.group(1)));
                    }
                } catch (IOException e) {
                    // Closed while we looked.
                }
            }
        } catch (IOException e) {
            // Gone, or not ours to see: no sockets to report.
        }
        return inodes;
    }

    /** The visible processes that hold any of {@code inodes}. */
    private static Set<Long> owners(Set<Long> inodes) {
        Set<Long> owners = new TreeSet<>();
        if (inodes.isEmpty()) {
            return owners;
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (socketsOf(pid).stream().anyMatch(inodes::contains)) {
                    owners.add(pid);
                }
            }
        } catch (IOException e) {
            // No /proc: owners unknown.
        }
        return owners;
    }

    /**
     * An IPv4-mapped IPv6 endpoint in IPv4 form, so that the two ends of one connection match when one socket is
     * dual-stack (a Java server) and the other plain IPv4. The kernel writes IPv6 addresses as four 32-bit words.
     */
    private static String ipv4Form(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        String address = endpoint.substring(0, colon);
        return address.length() == 32 && address.startsWith(IPV4_MAPPED)
                ? address.substring(24) + endpoint.substring(colon)
                : endpoint;
    }

    private static List<Row> tcpTable() {
        List<String> lines = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> all = Files.readAllLines(Path.of(table));
                lines.addAll(all.subList(Math.min(1, all.size()), all.size()));
            } catch (IOException e) {
                // No such table (no IPv6): nothing in it.
            }
        }
        return rows(lines);
    }

    /** Rows of {@code /proc/net/tcp[6]} without their heading line. */
    static List<Row> rows(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
            String[] f = line.trim().split("\\s+");
            if (f.length > 9) {
                rows.add(new Row(ipv4Form(f[1]), ipv4Form(f[2]), f[3], Long.parseLong(f[9])));
            }
        }
        return rows;
    }
}

package org.jmpibench.multihost;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Simulated hosts for one test (or one test class): network namespaces made by {@code scripts/netns-hosts.sh} (see that
 * script and docs/multihost.md), named {@code jmpi-<test JVM pid>-<random>-hN} so that runs side by side never meet.
 * {@link #close} ends every process in them and removes them with what Open MPI left there (session directories,
 * shared-memory segments named after the host); a shutdown hook does the same should the test JVM end without closing,
 * and {@link #make} first removes hosts left by test JVMs that are gone.
 *
 * <p>Safety: this JVM, in the root namespace, never talks to a host address; it only runs {@code ip} and starts
 * processes inside the hosts ({@link #start}). {@code netns-hosts.sh up} refuses hosts whose routes would let their
 * traffic leave the bridge (a default route, an address not reached through {@code mpi0}).
 */
final class NamespaceHosts implements AutoCloseable {

    static final Path SCRIPTS = Path.of(System.getProperty("jmpi.scripts", "../../scripts"))
            .toAbsolutePath()
            .normalize();
    static final Path AGENT = SCRIPTS.resolve("netns-agent.sh");
    /** The interface every host has; what the jobs are told to use. */
    static final String INTERFACE = "mpi0";

    private static final Path HOSTS_SCRIPT = SCRIPTS.resolve("netns-hosts.sh");
    /** In {@code ip -j -s link}: the byte counters of "rx" and "tx". */
    private static final Pattern BYTES = Pattern.compile("\"bytes\":(\\d+)");

    private static final Pattern OURS = Pattern.compile("(jmpi-(\\d+)-[0-9a-f]+)-(h\\d+|br)");

    private static boolean skipSaid;

    private final String prefix;
    private final int count;
    private final Thread hook;
    private boolean closed;

    private NamespaceHosts(String prefix, int count) {
        this.prefix = prefix;
        this.count = count;
        this.hook = new Thread(this::down, "remove-" + prefix);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Makes {@code count} hosts, or skips the calling test with one line saying why they cannot be made here (not root,
     * no {@code ip}, no permission); that line also goes to stderr, once per test JVM, so that the build's output says
     * why.
     */
    static NamespaceHosts make(int count) {
        String missing = whyNot();
        if (missing != null) {
            skip(missing);
        }
        removeLeftoversOfGoneJvms();
        String prefix =
                "jmpi-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(randomBytes());
        NamespaceHosts hosts = new NamespaceHosts(prefix, count);
        Result up = run(List.of(HOSTS_SCRIPT.toString(), "up", prefix, Integer.toString(count)));
        if (up.status() != 0) {
            hosts.close();
            skip(up.output().strip().replace('\n', ' '));
        }
        return hosts;
    }

    private static void skip(String why) {
        String line = "multi-host tests skipped: cannot make network namespaces here: " + why;
        synchronized (NamespaceHosts.class) {
            if (!skipSaid) {
                skipSaid = true;
                System.err.println(line);
            }
        }
        Assumptions.abort(line);
    }

    /** The name of host {@code i} (1-based): its namespace and its host name. */
    String host(int i) {
        if (i < 1 || i > count) {
            throw new IllegalArgumentException("host " + i + " of " + count);
        }
        return prefix + "-h" + i;
    }

    /** The bridge's namespace. */
    String bridge() {
        return prefix + "-br";
    }

    /** Writes a hostfile naming hosts 1..{@code hosts} with {@code slots} each, with a comment and a blank line. */
    Path hostfile(Path dir, int hosts, int slots) throws IOException {
        StringBuilder text = new StringBuilder("# simulated hosts of one test\n\n");
        for (int i = 1; i <= hosts; i++) {
            text.append(host(i)).append(" slots=").append(slots).append('\n');
        }
        return Files.writeString(dir.resolve("hosts-" + hosts + "x" + slots), text.toString());
    }

    /**
     * Starts {@code command} inside host {@code i}, as host {@code i} (its own host name), with {@code env} added to
     * this JVM's environment. The process started is the command itself, living in the host's namespace.
     */
    Process start(int i, List<String> command, Map<String, String> env) throws IOException {
        List<String> full = new ArrayList<>(List.of(
                "ip",
                "netns",
                "exec",
                host(i),
                "unshare",
                "--uts",
                "sh",
                "-c",
                "hostname \"$0\" && exec \"$@\"",
                host(i)));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full);
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return builder.start();
    }

    /** The processes in host {@code i}'s namespace, by PID. */
    List<Long> pids(int i) {
        Result listed = run(List.of("ip", "netns", "pids", host(i)));
        return listed.output()
                .lines()
                .map(String::strip)
                .filter(l -> l.matches("\\d+"))
                .map(Long::valueOf)
                .toList();
    }

    /** Processes in any of the hosts, as "host: pid command", after waiting up to {@code graceMillis} for none. */
    List<String> processesLeft(long graceMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        while (true) {
            List<String> left = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                for (long pid : pids(i)) {
                    left.add(host(i) + ": " + pid + " "
                            + ProcessHandle.of(pid)
                                    .flatMap(p -> p.info().commandLine())
                                    .orElse("?"));
                }
            }
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Open MPI session directories and shared-memory segments of host {@code i}. */
    List<Path> filesOf(int i) {
        List<Path> files = new ArrayList<>();
        addMatching(Path.of("/tmp"), "ompi." + host(i) + ".*", files);
        addMatching(Path.of("/dev/shm"), "*" + host(i) + "*", files);
        return files;
    }

    /** Bytes that went through host {@code i}'s port of the bridge, both ways, so far. */
    long bytesThroughBridge(int i) {
        Result stats = run(List.of("ip", "-n", bridge(), "-j", "-s", "link", "show", "v" + i));
        Matcher numbers = BYTES.matcher(stats.output());
        long bytes = 0;
        while (numbers.find()) {
            bytes += Long.parseLong(numbers.group(1));
        }
        return bytes;
    }

    /** What of these hosts still exists anywhere: namespaces, /etc/netns entries, session dirs, shm files. */
    List<String> everythingLeft() {
        List<String> left = new ArrayList<>();
        String namespaces = run(List.of("ip", "netns", "list")).output();
        namespaces
                .lines()
                .map(l -> l.split("\\s+")[0])
                .filter(n -> n.startsWith(prefix + "-"))
                .forEach(n -> left.add("namespace " + n));
        List<Path> files = new ArrayList<>();
        addMatching(Path.of("/etc/netns"), prefix + "-*", files);
        addMatching(Path.of("/tmp"), "ompi." + prefix + "-*", files);
        addMatching(Path.of("/dev/shm"), "*" + prefix + "-*", files);
        files.forEach(f -> left.add(f.toString()));
        return left;
    }

    /** Ends every process in the hosts and removes them; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        down();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs, harmlessly, a second time.
        }
    }

    private void down() {
        run(List.of(HOSTS_SCRIPT.toString(), "down", prefix));
    }

    /** Why namespaces cannot be made here, or null when they can be tried. */
    private static String whyNot() {
        try {
            if (!"0".equals(run(List.of("id", "-u")).output().strip())) {
                return "not running as root";
            }
        } catch (RuntimeException e) {
            return "'id -u' failed: " + e.getMessage();
        }
        for (String tool : List.of("ip", "unshare", "hostname")) {
            if (run(List.of("sh", "-c", "command -v " + tool)).status() != 0) {
                return "'" + tool + "' is not installed (Debian: iproute2, util-linux, hostname)";
            }
        }
        if (!Files.isExecutable(HOSTS_SCRIPT) || !Files.isExecutable(AGENT)) {
            return HOSTS_SCRIPT + " or " + AGENT + " is missing or not executable";
        }
        return null;
    }

    /** Hosts whose maker (a test JVM, by the PID in their name) is gone: a killed test run left them. */
    private static void removeLeftoversOfGoneJvms() {
        run(List.of("ip", "netns", "list"))
                .output()
                .lines()
                .map(l -> l.split("\\s+")[0])
                .map(OURS::matcher)
                .filter(Matcher::matches)
                .filter(m -> ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty())
                .map(m -> m.group(1))
                .distinct()
                .forEach(stale -> run(List.of(HOSTS_SCRIPT.toString(), "down", stale)));
    }

    private static void addMatching(Path dir, String glob, List<Path> into) {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, glob)) {
            found.forEach(into::add);
        } catch (IOException e) {
            // No such directory: nothing of ours in it.
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[3];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    record Result(int status, String output) {}

    /** Runs a short command in this (root) namespace: {@code ip} and the scripts only. */
    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not end within 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}

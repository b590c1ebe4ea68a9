package org.jmpibench.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches one run of the command line from the outside: every 100 ms it records each process of its tree (the command
 * line's JVM, rank JVMs, {@code mpirun}, whatever they start) and each TCP socket those processes listen on. Afterwards
 * it tells what is still there: recorded processes still alive, processes anywhere on the machine that carry the run's
 * job id in their environment (which catches a process that left the tree, e.g. a daemon reparented to init before we
 * saw it), and recorded listening sockets still open.
 */
final class JobWatch {

    private static final Duration PERIOD = Duration.ofMillis(100);
    static final Path DEV_SHM = Path.of("/dev/shm");

    private final ProcessHandle root;
    private final Map<Long, ProcessHandle> seen = new ConcurrentHashMap<>();
    private final Map<Long, String> listeningSockets = new ConcurrentHashMap<>();
    private final Set<Path> sharedMemoryFiles = ConcurrentHashMap.newKeySet();
    private final Thread sampler;
    private volatile boolean running = true;

    private JobWatch(ProcessHandle root) {
        this.root = root;
        this.sampler = new Thread(this::sampleUntilStopped, "job-watch-" + root.pid());
        sampler.setDaemon(true);
    }

    static JobWatch start(ProcessHandle root) {
        JobWatch watch = new JobWatch(root);
        watch.sampler.start();
        return watch;
    }

    /** Records the tree as it is now (the sampler does so too; call it right before you signal). */
    void sampleNow() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        Map<Long, String> listening = TcpTable.listening();
        for (ProcessHandle process : tree) {
            if (!process.isAlive()) {
                continue;
            }
            seen.putIfAbsent(process.pid(), process);
            sharedMemoryFiles.addAll(sharedMemoryFilesOf(process.pid()));
            for (long inode : socketInodesOf(process.pid())) {
                if (listening.containsKey(inode)) {
                    listeningSockets.put(inode, listening.get(inode));
                }
            }
        }
    }

    void stop() {
        running = false;
        try {
            sampler.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Processes seen so far besides the command line's own JVM. */
    List<ProcessHandle> descendantsSeen() {
        return seen.values().stream().filter(p -> p.pid() != root.pid()).toList();
    }

    /** The job id prefix every job of this command line carries: the launcher's PID in hex and a dash. */
    String jobIdPrefix() {
        return Long.toHexString(root.pid()) + "-";
    }

    /**
     * What of the run is still alive after waiting up to {@code grace} for it to go (a SIGKILL sent by the command
     * line's exit hook takes a moment to land): recorded processes plus any process whose environment has our job id.
     * Each as "pid command".
     */
    List<String> survivors(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        List<String> left;
        do {
            left = new ArrayList<>();
            for (ProcessHandle process : seen.values()) {
                if (isReallyAlive(process)) {
                    left.add(describe(process));
                }
            }
            for (ProcessHandle stranger : processesWithJobId()) {
                if (!seen.containsKey(stranger.pid()) && isReallyAlive(stranger)) {
                    left.add(describe(stranger) + " (not in the tree: found by its JMPI_JOB_ID)");
                }
            }
            if (left.isEmpty()) {
                return left;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        } while (System.nanoTime() < deadline);
        return left;
    }

    /** How many listening TCP sockets the run's processes were seen to hold. */
    int listeningSocketsSeen() {
        return listeningSockets.size();
    }

    /** Local addresses ("hex address:port", as in /proc/net/tcp) of the listening sockets seen. */
    List<String> listeningAddressesSeen() {
        return List.copyOf(listeningSockets.values());
    }

    /** Listening sockets of the run still open ("inode port"); processes gone implies none. */
    List<String> listeningSocketsLeft() {
        return TcpTable.listening().entrySet().stream()
                .filter(e -> listeningSockets.containsKey(e.getKey()))
                .map(e -> "socket inode " + e.getKey() + " port " + e.getValue())
                .toList();
    }

    /**
     * Files in {@code /dev/shm} that the run's processes had open or mapped and that still exist, plus files named with
     * the run's job id (the shm backend's {@code jmpi-shm-<job id>}).
     */
    List<Path> sharedMemoryFilesLeft() {
        Set<Path> left = new java.util.TreeSet<>();
        sharedMemoryFiles.stream().filter(Files::exists).forEach(left::add);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(DEV_SHM, "jmpi-shm-" + jobIdPrefix() + "*")) {
            files.forEach(left::add);
        } catch (IOException e) {
            // No /dev/shm here: nothing can be left in it.
        }
        return new ArrayList<>(left);
    }

    /** Deletes what {@link #sharedMemoryFilesLeft} found (all made by this run), so one failure stays one. */
    void deleteSharedMemoryFilesLeft() {
        for (Path file : sharedMemoryFilesLeft()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Best effort: the assertion has already reported it.
            }
        }
    }

    /** Sends SIGKILL to everything recorded or carrying our job id (all started by this run). */
    void killSurvivors() {
        seen.values().forEach(ProcessHandle::destroyForcibly);
        processesWithJobId().forEach(ProcessHandle::destroyForcibly);
    }

    private void sampleUntilStopped() {
        while (running) {
            try {
                sampleNow();
                TimeUnit.MILLISECONDS.sleep(PERIOD.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A process vanished between listing and reading /proc: the next round sees the new state.
            }
        }
    }

    private List<ProcessHandle> processesWithJobId() {
        String marker = "JMPI_JOB_ID=" + jobIdPrefix();
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.forEach(process -> {
                try {
                    String environ = new String(
                            Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ")),
                            StandardCharsets.UTF_8);
                    for (String entry : environ.split("\0")) {
                        if (entry.startsWith(marker)) {
                            found.add(process);
                            return;
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // Gone, or not ours to read: then not ours either.
                }
            });
        }
        return found;
    }

    /** Alive and not a zombie (a zombie has released everything; only its parent's wait is missing). */
    static boolean isReallyAlive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String afterName = stat.substring(stat.lastIndexOf(')') + 1).strip();
            return !afterName.startsWith("Z") && !afterName.startsWith("X");
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(ProcessHandle process) {
        Optional<String> line = process.info().commandLine();
        return process.pid() + " "
                + line.map(l -> l.length() > 200 ? l.substring(0, 200) + "..." : l)
                        .orElse("(command unknown)");
    }

    /** {@code /dev/shm} files the process maps or has open, unless already unlinked. */
    private static List<Path> sharedMemoryFilesOf(long pid) {
        List<Path> files = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps"))) {
                int at = line.indexOf(" /dev/shm/");
                if (at >= 0 && !line.endsWith("(deleted)")) {
                    files.add(Path.of(line.substring(at + 1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process is gone.
        }
        return files;
    }

    static List<Long> socketInodesOf(long pid) {
        List<Long> inodes = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | NumberFormatException e) {
                    // Closed while we looked.
                }
            }
        } catch (IOException e) {
            // The process is gone.
        }
        return inodes;
    }
}

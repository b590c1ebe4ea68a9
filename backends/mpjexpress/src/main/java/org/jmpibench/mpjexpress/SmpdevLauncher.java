package org.jmpibench.mpjexpress;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jmpibench.launcher.ExitStatus;
import org.jmpibench.launcher.JobIds;
import org.jmpibench.launcher.LocalHost;
import org.jmpibench.launcher.ProcessReaper;
import org.jmpibench.launcher.ProgressWatch;
import org.jmpibench.launcher.RankCommand;
import org.jmpibench.launcher.RankEnd;
import org.jmpibench.launcher.RankEnv;
import org.jmpibench.launcher.RankHosts;
import org.jmpibench.spi.Jdk;
import org.jmpibench.spi.Job;
import org.jmpibench.spi.JobLauncher;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.JobSpec.RankLine;
import org.jmpibench.spi.RankProgram;

/**
 * Starts an MPJ Express smpdev job: one JVM whose main is {@link SmpJobMonitor} around MPJ's {@code MulticoreStarter},
 * every rank a thread with its own class loader. MPJ's rules for that JVM: its class path holds MPJ's shared jars
 * (smpdev, xdev, mpjbuf, starter...) and never the application or {@code mpi.jar}; the application goes to
 * MulticoreStarter as the ranks' class path, and MulticoreStarter adds {@code $MPJ_HOME/lib/mpi.jar} and
 * {@code mpjdev.jar} to each rank's loader.
 *
 * <p>How a job ends: MPJ exits 0 even when a rank threw, so success is every rank's marker line plus status 0; a
 * failure marker names the rank; anything else (a signal, a status without a marker) fails the job as a whole. The JVM
 * options are the leader's when there is one (rank 0's JVM is JMH's forked JVM), else the program's; the direct-memory
 * cap grows with the ranks ({@link SmpdevDirectMemory}).
 */
final class SmpdevLauncher implements JobLauncher {

    static final String DEVICE = "smpdev";
    private static final long GRACE_MILLIS = 1000;
    /** The Security Manager that stops System.exit in a rank can no longer be installed from Java 24 on. */
    static final int NO_SECURITY_MANAGER_FROM = 24;

    private static final String PREFIX = "backend " + MpjSmpdevBackend.NAME + ": ";
    private static final Pattern MARKER_RANK = Pattern.compile("rank (\\d+) ");

    @Override
    public JobOutcome run(JobSpec spec) {
        LocalHost.requireOnlyThisHost(MpjSmpdevBackend.NAME, spec.hostfile());
        MpjInstallation mpj = MpjInstallation.require();
        String jobId = JobIds.create();
        Path jobDir = null;
        Process jvm = null;
        StringBuffer output = new StringBuffer();
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        List<String> failures = new ArrayList<>();
        List<Thread> pumps = new ArrayList<>();
        try (ProgressWatch progress = ProgressWatch.open(jobId, spec.np(), RankHosts.none())) {
            jobDir = Files.createTempDirectory("jmpi-mpj-smpdev-");
            Path hostDir = writeMonitorClasses(jobDir.resolve("host"), spec.rankJdk());
            Path workDir = Files.createDirectories(jobDir.resolve("work"));
            ProcessBuilder builder = new ProcessBuilder(command(spec, mpj, hostDir, workDir));
            builder.directory(workDir.toFile());
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            environment(builder.environment(), spec, mpj, jobId, progress);
            long deadline = System.nanoTime() + spec.timeout().toNanos();
            jvm = builder.start();
            ProcessReaper.track(jvm);
            pumps.add(pump(jvm.getInputStream(), false, spec, output, done, failures));
            pumps.add(pump(jvm.getErrorStream(), true, spec, output, done, failures));
            boolean ended = jvm.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            // Every rank is a thread of this one JVM: they all end together, and the board shows them as they were.
            ProgressWatch.Snapshot atEnd = progress.snapshot();
            List<RankEnd> ends = Collections.nCopies(spec.np(), RankEnd.running());
            IntFunction<String> tellingLine = rank -> firstErrorOf(output.toString(), rank);
            if (!ended) {
                ProcessReaper.killTree(jvm.toHandle(), GRACE_MILLIS);
                join(pumps);
                String noticed = "job timed out after " + spec.timeout().toSeconds() + " s; ranks still running: "
                        + missing(done, spec.np());
                return new JobOutcome(
                        MpjSmpdevBackend.NAME,
                        List.of(JobOutcome.NOT_EXITED),
                        true,
                        PREFIX + atEnd.explain(noticed, ends, -1, tellingLine),
                        output.toString());
            }
            ProcessReaper.killTree(jvm.toHandle(), GRACE_MILLIS);
            join(pumps);
            int status = jvm.exitValue();
            Account account = account(status, done, failures, spec.np(), output.toString());
            // A signal took every rank at once: none of them stopped before the others, so the board names nobody.
            String failure = account.text().isEmpty()
                    ? ""
                    : PREFIX
                            + (ExitStatus.isSignal(status)
                                    ? account.text()
                                    : atEnd.explain(account.text(), ends, account.rank(), tellingLine));
            return new JobOutcome(MpjSmpdevBackend.NAME, List.of(status), false, failure, output.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new JobOutcome(
                    MpjSmpdevBackend.NAME,
                    List.of(JobOutcome.NOT_EXITED),
                    false,
                    PREFIX + "interrupted; job killed",
                    output.toString());
        } catch (IOException e) {
            return new JobOutcome(
                    MpjSmpdevBackend.NAME,
                    List.of(JobOutcome.NOT_EXITED),
                    false,
                    PREFIX + "could not start the job's JVM: " + e,
                    output.toString());
        } finally {
            if (jvm != null) {
                ProcessReaper.killTree(jvm.toHandle(), GRACE_MILLIS);
            }
            deleteQuietly(jobDir);
        }
    }

    private static List<String> command(JobSpec spec, MpjInstallation mpj, Path hostDir, Path workDir) {
        RankProgram leader = spec.leader();
        Jdk jdk = spec.rankJdk();
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        List<String> jvmOptions = (leader != null ? leader : spec.program()).jvmOptions();
        cmd.addAll(jvmOptions);
        SmpdevDirectMemory.option(jvmOptions, spec.np()).ifPresent(cmd::add);
        if (jdk.feature() < NO_SECURITY_MANAGER_FROM) {
            cmd.add("-Djava.security.manager=allow");
        }
        cmd.add("-cp");
        cmd.add(RankCommand.classpath(List.of(hostDir), mpj.smpdevHostClasspath()));
        cmd.add(SmpJobMonitor.class.getName());
        cmd.add(workDir.toString());
        cmd.add(Integer.toString(spec.np()));
        cmd.add(DEVICE);
        cmd.add("useLocalLoader");
        List<Path> app = RankClasspath.applicationPart(
                spec.program().classpath(), leader != null ? leader.classpath() : List.of());
        cmd.add(app.isEmpty() ? "EMPTY" : RankCommand.classpath(app, List.of()));
        cmd.add(MpjRankMain.class.getName());
        cmd.addAll(RankArgs.encode(spec.program(), leader));
        return cmd;
    }

    private static void environment(
            Map<String, String> env, JobSpec spec, MpjInstallation mpj, String jobId, ProgressWatch progress) {
        env.putAll(spec.env());
        env.putAll(progress.env());
        env.put("MPJ_HOME", mpj.home().toString());
        env.put(Job.BACKEND_ENV, MpjSmpdevBackend.NAME);
        env.put(RankEnv.SIZE, Integer.toString(spec.np()));
        env.put(RankEnv.JOB_ID, jobId);
        env.put(RankEnv.JOB_TOKEN, JobIds.randomHex(16));
        // Every rank shares this process's environment: a JMPI_RANK would be wrong for all but one of them.
        env.remove(RankEnv.RANK);
    }

    /**
     * Copies {@link SmpJobMonitor} and {@link ExitLoggerFinder} (with their nested classes) out of this module into a
     * directory of their own: the job JVM's class path must not hold the rest of the module. For a JDK without a
     * Security Manager it also registers the finder as the JVM's logger finder, which then stops System.exit in ranks.
     */
    static Path writeMonitorClasses(Path hostDir, Jdk jdk) throws IOException {
        List<Class<?>> types = new ArrayList<>(List.of(SmpJobMonitor.class.getNestMembers()));
        types.addAll(List.of(ExitLoggerFinder.class.getNestMembers()));
        for (Class<?> type : types) {
            String resource = type.getName().replace('.', '/') + ".class";
            Path target = hostDir.resolve(resource);
            Files.createDirectories(target.getParent());
            try (InputStream in = SmpJobMonitor.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("class file " + resource + " not found beside " + SmpJobMonitor.class);
                }
                Files.copy(in, target);
            }
        }
        if (jdk.feature() >= NO_SECURITY_MANAGER_FROM) {
            Path service = hostDir.resolve("META-INF/services/" + System.LoggerFinder.class.getName());
            Files.createDirectories(service.getParent());
            Files.writeString(service, ExitLoggerFinder.class.getName() + "\n");
        }
        return hostDir;
    }

    /** What went wrong in words (empty on success), and the rank that failed when one said so (else -1). */
    private record Account(String text, int rank) {}

    private static Account account(int status, Set<Integer> done, List<String> failures, int np, String output) {
        synchronized (failures) {
            if (!failures.isEmpty()) {
                // The shutdown hook, the last resort, cannot see the status; the JVM's exit status is that status.
                String first =
                        failures.get(0).replace(SmpJobMonitor.EXITED + "?)", SmpJobMonitor.EXITED + status + ")");
                int rank = markerRank(first);
                // "rank N called System.exit(S)": add what that rank said before it went.
                boolean exited = first.contains(SmpJobMonitor.EXITED);
                return new Account(first + (exited && rank >= 0 ? firstErrorOf(output, rank) : ""), rank);
            }
        }
        if (status != 0) {
            return new Account(
                    "the JVM holding all " + np + " ranks " + ExitStatus.describe(status)
                            + "; no rank reported the failure; ranks that had finished: " + new TreeSet<>(done),
                    -1);
        }
        if (done.size() != np) {
            return new Account("the JVM exited 0 but ranks " + missing(done, np) + " never finished", -1);
        }
        return new Account("", -1);
    }

    private static Thread pump(
            InputStream in,
            boolean stderr,
            JobSpec spec,
            StringBuffer output,
            Set<Integer> done,
            List<String> failures) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            if (line.startsWith(SmpJobMonitor.MARK)) {
                                output.append((stderr ? "[smpdev err] " : "[smpdev] ") + line + '\n');
                                readMarker(line.substring(SmpJobMonitor.MARK.length()), done, failures);
                                continue;
                            }
                            if (stderr && isOurSecurityManagerWarning(line)) {
                                continue;
                            }
                            int rank = taggedRank(line);
                            String text = rank < 0 ? line : line.substring(line.indexOf("] ") + 2);
                            String tag = rank < 0 ? "smpdev" : "rank " + rank;
                            // One append per line: StringBuffer locks each call, and the two pumps share it.
                            output.append("[" + tag + (stderr ? " err] " : "] ") + text + '\n');
                            spec.output().accept(new RankLine(rank, stderr, text));
                        }
                    } catch (IOException e) {
                        // The JVM was killed while we read: nothing more to forward.
                    }
                },
                "jmpi-mpj-smpdev-" + (stderr ? "err" : "out"));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * The four lines Java 17 to 23 print because {@link SmpJobMonitor} installs a Security Manager (to stop System.exit
     * in a rank): expected, and noise in every job's output.
     */
    static boolean isOurSecurityManagerWarning(String line) {
        return line.startsWith("WARNING: ")
                && (line.contains("terminally deprecated method in java.lang.System")
                        || line.contains("System::setSecurityManager")
                        || line.contains("maintainers of " + SmpJobMonitor.class.getName()));
    }

    /** The rank of a line tagged {@code [rank N] } by {@link SmpJobMonitor}, or -1. */
    static int taggedRank(String line) {
        if (!line.startsWith("[rank ")) {
            return -1;
        }
        int end = line.indexOf("] ");
        try {
            return end < 0 ? -1 : Integer.parseInt(line.substring(6, end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The first exception or error line rank {@code rank} printed on stderr, as ": line", or empty. */
    private static String firstErrorOf(String output, int rank) {
        String prefix = "[rank " + rank + " err] ";
        for (String line : output.split("\n")) {
            if (line.startsWith(prefix)) {
                String text = line.substring(prefix.length()).strip();
                if (!text.startsWith("at ") && (text.contains("Exception") || text.contains("Error"))) {
                    return ": " + text;
                }
            }
        }
        return "";
    }

    /** The rank a failure marker names ("rank 2 failed: ...", "rank 1 called System.exit(3)"), or -1. */
    private static int markerRank(String marker) {
        Matcher rank = MARKER_RANK.matcher(marker);
        return rank.lookingAt() ? Integer.parseInt(rank.group(1)) : -1;
    }

    private static void readMarker(String marker, Set<Integer> done, List<String> failures) {
        if (marker.startsWith("rank ") && marker.endsWith(SmpJobMonitor.DONE)) {
            try {
                done.add(Integer.parseInt(marker.substring(5, marker.length() - SmpJobMonitor.DONE.length())));
                return;
            } catch (NumberFormatException e) {
                // Not ours after all: treat it as a failure line below.
            }
        }
        if (!marker.equals(SmpJobMonitor.ALL_DONE) && !marker.startsWith("note: ")) {
            synchronized (failures) {
                failures.add(marker);
            }
        }
    }

    private static String missing(Set<Integer> done, int np) {
        Set<Integer> missing = new TreeSet<>();
        for (int rank = 0; rank < np; rank++) {
            if (!done.contains(rank)) {
                missing.add(rank);
            }
        }
        return missing.toString();
    }

    private static void join(List<Thread> pumps) throws InterruptedException {
        for (Thread pump : pumps) {
            pump.join(2000);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temp directory left behind is not worth failing a job for.
        }
    }
}

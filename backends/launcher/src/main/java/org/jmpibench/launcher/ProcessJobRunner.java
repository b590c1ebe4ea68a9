package org.jmpibench.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jmpibench.spi.Job;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.JobSpec.RankLine;

/**
 * Runs a job as one JVM per rank: on this machine, or, when the spec names hosts, on the host
 * {@link org.jmpibench.spi.Hosts#placement} gives each rank, those elsewhere started through the launch agent
 * ({@link RemoteLaunch}). Every rank runs on the spec's JDK ({@link JobSpec#rankJdk()}).
 *
 * <p>Failure policy: the first rank to exit non-zero (or be killed) fails the job, and the others are killed at once,
 * since MPI-style peers would otherwise wait forever for it. A rank that exits 0 early does not end the job by itself:
 * its peers notice the closed connection. Past the spec's timeout every rank is killed. Either way every process of the
 * job is gone when {@link #run} returns.
 */
public final class ProcessJobRunner {

    /** How long a rank may take to stop after SIGTERM before it gets SIGKILL. */
    private static final long GRACE_MILLIS = 1000;
    /** How a JVM ends on SIGTERM, the launcher's way of stopping a rank. */
    private static final int SIGTERM_STATUS = 128 + 15;

    private final String backend;
    private final Function<JobSpec, JobSession> sessions;
    private final RankCommand command;

    /**
     * @param backend the backend's name, set as {@value Job#BACKEND_ENV} in every rank and used in messages
     * @param sessions opens what the backend runs beside the ranks for one job
     * @param command builds each rank's command line
     */
    public ProcessJobRunner(String backend, Function<JobSpec, JobSession> sessions, RankCommand command) {
        this.backend = backend;
        this.sessions = sessions;
        this.command = command;
    }

    public JobOutcome run(JobSpec spec) {
        List<String> placement =
                spec.hostfile() == null ? null : spec.hostfile().placement(spec.np());
        RankHosts hosts = placement == null ? RankHosts.none() : RankHosts.of(placement);
        Map<String, Boolean> local = new HashMap<>();
        String jobId = JobIds.create();
        String token = JobIds.randomHex(16);
        StringBuffer output = new StringBuffer();
        Process[] ranks = new Process[spec.np()];
        List<Thread> pumps = new ArrayList<>();
        BlockingQueue<Integer> exits = new ArrayBlockingQueue<>(spec.np());
        long deadline = System.nanoTime() + spec.timeout().toNanos();
        String failure = "";
        boolean timedOut = false;

        try (ProgressWatch progress = ProgressWatch.open(jobId, spec.np(), hosts);
                JobSession session = openSession(spec, jobId, token)) {
            try {
                for (int rank = 0; rank < spec.np(); rank++) {
                    String host = hosts.host(rank);
                    boolean remote = host != null && !local.computeIfAbsent(host, LocalHost::is);
                    Map<String, String> env = jobEnv(spec, rank, jobId, token, session, progress);
                    ranks[rank] = remote ? startRemote(spec, rank, host, env) : start(spec, rank, env);
                    final int r = rank;
                    ranks[rank].onExit().thenRun(() -> exits.add(r));
                    pumps.add(pump(ranks[rank].getInputStream(), r, false, spec, output, progress));
                    pumps.add(pump(ranks[rank].getErrorStream(), r, true, spec, output, progress));
                }
            } catch (IOException e) {
                failure = "backend " + backend + ": could not start a rank: " + e.getMessage();
            }
            int noticer = -1;
            ProgressWatch.Snapshot atFailure = null;
            int running = countStarted(ranks);
            while (failure.isEmpty() && running > 0) {
                Integer rank = exits.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (rank == null) {
                    timedOut = true;
                    atFailure = progress.snapshot();
                    failure = "job timed out after " + spec.timeout().toSeconds() + " s; ranks still running: "
                            + stillRunning(ranks);
                    break;
                }
                running--;
                int code = ranks[rank].exitValue();
                if (code != 0) {
                    atFailure = progress.snapshot();
                    noticer = rank;
                    failure = "rank " + rank + hosts.on(rank) + " " + ExitStatus.describe(code);
                }
            }
            List<RankEnd> ends = stopAll(ranks);
            for (Thread pump : pumps) {
                pump.join(2000);
            }
            if (atFailure != null) {
                // Read the ranks' errors only now that their output is drained.
                String noticed = failure + (noticer >= 0 ? lastErrorOf(output, noticer) : "");
                failure = "backend " + backend + ": "
                        + atFailure.explain(noticed, ends, noticer, rank -> lastErrorOf(output, rank));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killAll(ranks);
            failure = "backend " + backend + ": interrupted; job killed";
        } catch (RuntimeException e) {
            killAll(ranks);
            failure = "backend " + backend + ": " + e.getMessage();
        }
        return new JobOutcome(backend, exitCodes(ranks), timedOut, failure, output.toString());
    }

    private JobSession openSession(JobSpec spec, String jobId, String token) {
        JobSpec withIds = spec.withEnv(merge(spec.env(), Map.of(RankEnv.JOB_ID, jobId, RankEnv.JOB_TOKEN, token)));
        return sessions.apply(withIds);
    }

    /** What rank {@code rank} finds in its environment besides what it inherits. */
    private Map<String, String> jobEnv(
            JobSpec spec, int rank, String jobId, String token, JobSession session, ProgressWatch progress) {
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        env.putAll(session.envFor(rank));
        env.putAll(progress.env());
        env.put(Job.BACKEND_ENV, backend);
        env.put(RankEnv.RANK, Integer.toString(rank));
        env.put(RankEnv.SIZE, Integer.toString(spec.np()));
        env.put(RankEnv.JOB_ID, jobId);
        env.put(RankEnv.JOB_TOKEN, token);
        return env;
    }

    private Process start(JobSpec spec, int rank, Map<String, String> jobEnv) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command.command(rank, spec.np(), spec.programFor(rank), spec.rankJdk()));
        builder.environment().putAll(jobEnv);
        builder.environment()
                .put(Job.LAUNCHER_PID_ENV, Long.toString(ProcessHandle.current().pid()));
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        ProcessReaper.track(process);
        return process;
    }

    /** Through the launch agent; the environment travels on the rank's stdin, which stays open. */
    private Process startRemote(JobSpec spec, int rank, String host, Map<String, String> jobEnv) throws IOException {
        Map<String, String> launcherEnv = new HashMap<>(System.getenv());
        launcherEnv.putAll(spec.env());
        List<String> rankCommand = command.command(rank, spec.np(), spec.programFor(rank), spec.rankJdk());
        Process process =
                new ProcessBuilder(RemoteLaunch.command(RemoteLaunch.agent(launcherEnv), host, rankCommand)).start();
        ProcessReaper.track(process);
        jobEnv.put(Job.LAUNCHER_STDIN_ENV, "1");
        try {
            RemoteLaunch.sendEnvironment(process.getOutputStream(), jobEnv);
        } catch (IOException e) {
            // The agent ended already (ssh could not connect): its exit status and stderr tell why.
        }
        return process;
    }

    private static Thread pump(
            InputStream in, int rank, boolean stderr, JobSpec spec, StringBuffer output, ProgressWatch progress) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            // One append per line: StringBuffer locks each call, so a chain of appends lets
                            // another rank's line land inside this one.
                            output.append((stderr ? "[rank " + rank + " err] " : "[rank " + rank + "] ") + line + '\n');
                            spec.output().accept(new RankLine(rank, stderr, line));
                            if (stderr) {
                                progress.rankSaid(rank, line);
                            }
                        }
                    } catch (IOException e) {
                        // The rank was killed while we read: nothing more to forward.
                    }
                },
                "jmpi-rank-" + rank + (stderr ? "-err" : "-out"));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Ends every rank still running (SIGTERM, then SIGKILL to what is left after the grace period) and says how each
     * ended: a rank that was running ended by the launcher's hand if our SIGTERM ended it or it outlived the grace
     * period; any other status means it ended by itself just before (e.g. a SIGKILL from someone else whose exit had
     * not been reported yet).
     */
    private static List<RankEnd> stopAll(Process[] ranks) throws InterruptedException {
        boolean[] running = new boolean[ranks.length];
        for (int rank = 0; rank < ranks.length; rank++) {
            running[rank] = ranks[rank] != null && ranks[rank].isAlive();
            if (running[rank]) {
                ranks[rank].toHandle().descendants().forEach(ProcessHandle::destroy);
                ranks[rank].destroy();
            }
        }
        long graceEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        boolean[] forced = new boolean[ranks.length];
        for (int rank = 0; rank < ranks.length; rank++) {
            if (running[rank]) {
                forced[rank] = !ranks[rank].waitFor(Math.max(0, graceEnd - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        }
        for (Process rank : ranks) {
            if (rank != null) {
                ProcessReaper.killTree(rank.toHandle(), 0);
            }
        }
        List<RankEnd> ends = new ArrayList<>();
        for (int rank = 0; rank < ranks.length; rank++) {
            Process process = ranks[rank];
            if (process == null
                    || process.isAlive()
                    || forced[rank]
                    || running[rank] && process.exitValue() == SIGTERM_STATUS) {
                ends.add(RankEnd.running());
            } else {
                ends.add(RankEnd.exited(process.exitValue()));
            }
        }
        return ends;
    }

    private static void killAll(Process[] ranks) {
        for (Process rank : ranks) {
            if (rank != null && rank.isAlive()) {
                rank.toHandle().descendants().forEach(ProcessHandle::destroy);
                rank.destroy();
            }
        }
        for (Process rank : ranks) {
            if (rank != null) {
                ProcessReaper.killTree(rank.toHandle(), GRACE_MILLIS);
            }
        }
    }

    /** The rank's most telling stderr line: the first exception or error, else its last line. */
    private static String lastErrorOf(StringBuffer output, int rank) {
        String prefix = "[rank " + rank + " err] ";
        String first = null;
        String last = null;
        for (String line : output.toString().split("\n")) {
            if (line.startsWith(prefix)) {
                String text = line.substring(prefix.length()).strip();
                if (text.isEmpty() || text.startsWith("at ")) {
                    continue;
                }
                last = text;
                if (first == null && (text.contains("Exception") || text.contains("Error"))) {
                    first = text;
                }
            }
        }
        String telling = first != null ? first : last;
        return telling == null ? "" : ": " + telling;
    }

    private static String stillRunning(Process[] ranks) {
        StringBuilder names = new StringBuilder();
        for (int rank = 0; rank < ranks.length; rank++) {
            if (ranks[rank] != null && ranks[rank].isAlive()) {
                names.append(names.length() == 0 ? "" : ", ").append(rank);
            }
        }
        return names.toString();
    }

    private static int countStarted(Process[] ranks) {
        return (int) Arrays.stream(ranks).filter(p -> p != null).count();
    }

    private static List<Integer> exitCodes(Process[] ranks) {
        List<Integer> codes = new ArrayList<>();
        for (Process rank : ranks) {
            codes.add(rank == null || rank.isAlive() ? JobOutcome.NOT_EXITED : rank.exitValue());
        }
        return codes;
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        var merged = new java.util.HashMap<>(a);
        merged.putAll(b);
        return merged;
    }
}

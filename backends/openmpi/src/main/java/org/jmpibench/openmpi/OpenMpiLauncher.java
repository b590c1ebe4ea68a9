package org.jmpibench.openmpi;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jmpibench.launcher.BindAddress;
import org.jmpibench.launcher.ForeignConnections;
import org.jmpibench.launcher.JobIds;
import org.jmpibench.launcher.LocalHost;
import org.jmpibench.launcher.ProcessReaper;
import org.jmpibench.launcher.ProgressWatch;
import org.jmpibench.launcher.RankEnd;
import org.jmpibench.launcher.RankEnv;
import org.jmpibench.launcher.RankHosts;
import org.jmpibench.launcher.RemoteLaunch;
import org.jmpibench.spi.Job;
import org.jmpibench.spi.JobLauncher;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.JobSpec.RankLine;

/**
 * Runs a job as one {@code mpirun} (see {@link MpirunCommand} for its command line) and watches it.
 *
 * <p>Failure policy: mpirun itself ends the whole job when one rank exits non-zero, is killed or calls MPI_Abort, and
 * names the rank in its report, which {@link MpirunReport} reads. A hang is ours to end: past the spec's timeout the
 * launcher kills mpirun and every process under it. mpirun's own {@code --timeout} is set a little later, as a backstop
 * should this JVM be killed before it can do so.
 *
 * <p>Every rank finds {@value Job#BACKEND_ENV}, {@value RankEnv#SIZE}, {@value RankEnv#JOB_ID},
 * {@value RankEnv#JOB_TOKEN} and the spec's environment. It does not find {@value RankEnv#RANK}: one mpirun environment
 * serves all ranks (Open MPI sets {@code OMPI_COMM_WORLD_RANK}, and the communicator knows).
 */
final class OpenMpiLauncher implements JobLauncher {

    /** Extra mpirun arguments, split on spaces, e.g. {@code --bind-to none}. */
    static final String EXTRA_ARGS_PROPERTY = org.jmpibench.launcher.MpirunArgs.PROPERTY;
    /** How long mpirun may take to stop its ranks after SIGTERM before everything gets SIGKILL. */
    private static final long GRACE_MILLIS = 2000;
    /** mpirun's own limit comes this much after ours, so ours fires first and names the timeout. */
    private static final long BACKSTOP_SECONDS = 10;

    private final String backend;
    private final Supplier<OpenMpiLocator.Lookup> installation;

    OpenMpiLauncher(String backend, Supplier<OpenMpiLocator.Lookup> installation) {
        this.backend = backend;
        this.installation = installation;
    }

    @Override
    public JobOutcome run(JobSpec spec) {
        OpenMpiLocator.Lookup lookup = installation.get();
        OpenMpiInstallation found = lookup.installation()
                .orElseThrow(() ->
                        new IllegalStateException("backend " + backend + " is not available: " + lookup.missing()));

        String jobId = JobIds.create();
        RankHosts hosts = RankHosts.of(spec);
        try (ProgressWatch progress = ProgressWatch.open(jobId, spec.np(), hosts)) {
            Map<String, String> env = new HashMap<>(spec.env());
            env.put(Job.BACKEND_ENV, backend);
            env.put(RankEnv.SIZE, Integer.toString(spec.np()));
            env.put(RankEnv.JOB_ID, jobId);
            env.put(RankEnv.JOB_TOKEN, JobIds.randomHex(16));
            env.putAll(progress.env());
            return run(spec, found, env, progress, hosts);
        }
    }

    private JobOutcome run(
            JobSpec spec, OpenMpiInstallation found, Map<String, String> env, ProgressWatch progress, RankHosts hosts) {
        List<String> command = MpirunCommand.build(found, spec, env.keySet(), host(spec));
        StringBuffer output = new StringBuffer();
        List<RankLine> lines = Collections.synchronizedList(new ArrayList<>());
        Process mpirun;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            mpirun = builder.start();
        } catch (IOException e) {
            return new JobOutcome(
                    backend,
                    notExited(spec.np()),
                    false,
                    "backend " + backend + ": could not start mpirun: " + e.getMessage(),
                    "");
        }
        ProcessReaper.track(mpirun);
        Thread out = pump(mpirun.getInputStream(), false, spec, lines, output, progress);
        Thread err = pump(mpirun.getErrorStream(), true, spec, lines, output, progress);

        RankWatch watch = new RankWatch(
                mpirun,
                progress,
                System.nanoTime() + spec.timeout().toNanos(),
                spec.hostfile() != null && !spec.hostfile().names().stream().allMatch(LocalHost::is));
        RankWatch.End end;
        ProgressWatch.Snapshot atEnd;
        try {
            end = watch.awaitMpirun();
            atEnd = watch.boardWhenARankWentOrNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessReaper.killTree(mpirun.toHandle(), GRACE_MILLIS);
            return new JobOutcome(
                    backend,
                    notExited(spec.np()),
                    false,
                    "backend " + backend + ": interrupted; job killed",
                    output.toString());
        }
        // Also after a normal end: a rank that outlived mpirun must not stay behind.
        ProcessReaper.killTree(mpirun.toHandle(), GRACE_MILLIS);
        join(out);
        join(err);

        List<RankLine> seen = List.copyOf(lines);
        if (end == RankWatch.End.HELD_BY_STRANGERS) {
            MpirunReport.Verdict verdict = MpirunReport.read(1, seen, hosts);
            String before = verdict.failedRank() < 0 ? "" : " (before that: " + verdict.account() + ")";
            return new JobOutcome(
                    backend,
                    notExited(spec.np()),
                    false,
                    "backend " + backend + ": job stopped: "
                            + watch.strangers().describe("mpirun's")
                            + "; mpirun accepts anyone there and waits for them "
                            + "(see bench/reliability/README.md, Who can connect)" + before,
                    output.toString());
        }
        if (end == RankWatch.End.TIMED_OUT) {
            String noticed = "job timed out after " + spec.timeout().toSeconds() + " s; all ranks killed";
            return new JobOutcome(
                    backend,
                    notExited(spec.np()),
                    true,
                    "backend " + backend + ": "
                            + atEnd.explain(
                                    noticed,
                                    ends(spec.np(), -1, 0),
                                    -1,
                                    rank -> MpirunReport.tellingLineOf(rank, seen)),
                    output.toString());
        }
        MpirunReport.Verdict verdict = MpirunReport.read(mpirun.exitValue(), seen, hosts);
        String failure = verdict.account().isEmpty()
                ? ""
                : "backend " + backend + ": "
                        + atEnd.explain(
                                verdict.account(),
                                ends(spec.np(), verdict.failedRank(), verdict.exitCode()),
                                verdict.failedRank(),
                                rank -> MpirunReport.tellingLineOf(rank, seen));
        return new JobOutcome(backend, exitCodes(spec.np(), verdict), verdict.timedOut(), failure, output.toString());
    }

    /**
     * Waits for mpirun and notes the progress board at the moment its first rank process went: after a failure mpirun
     * takes a few seconds to stop the rest, and the board should show the job as the failure found it. Also watches
     * mpirun's ports: it accepts connections from anyone, and will not exit while a silent one stays open (which port:
     * bench/reliability/README.md, Who can connect), which would hold the job until its limit.
     */
    private static final class RankWatch {

        enum End {
            EXITED,
            TIMED_OUT,
            HELD_BY_STRANGERS
        }

        private static final long POLL_MILLIS = 100;
        private static final long STRANGER_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
        /** Connections from outside the job this long in a row stop it: a port scan passes, a stall does not. */
        private static final long STRANGER_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

        private final Process mpirun;
        private final ProgressWatch progress;
        private final long deadlineNs;
        /** Whether ranks run on other hosts too, whose daemons connect to mpirun from there. */
        private final boolean jobElsewhere;

        private ProgressWatch.Snapshot whenARankWent;
        private ForeignConnections strangers;

        RankWatch(Process mpirun, ProgressWatch progress, long deadlineNs, boolean jobElsewhere) {
            this.mpirun = mpirun;
            this.progress = progress;
            this.deadlineNs = deadlineNs;
            this.jobElsewhere = jobElsewhere;
        }

        End awaitMpirun() throws InterruptedException {
            long mostRanks = 0;
            long strangersSinceNs = 0;
            long nextCheckNs = System.nanoTime();
            while (true) {
                long left = deadlineNs - System.nanoTime();
                if (left <= 0) {
                    return End.TIMED_OUT;
                }
                if (mpirun.waitFor(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), TimeUnit.NANOSECONDS)) {
                    return End.EXITED;
                }
                long ranks = mpirun.toHandle().children().count();
                if (ranks < mostRanks && whenARankWent == null) {
                    whenARankWent = progress.snapshot();
                }
                mostRanks = Math.max(mostRanks, ranks);
                long now = System.nanoTime();
                if (now - nextCheckNs < 0) {
                    continue;
                }
                nextCheckNs = now + STRANGER_CHECK_NANOS;
                if (!heldByStrangers()) {
                    strangersSinceNs = 0;
                } else if (strangersSinceNs == 0) {
                    strangersSinceNs = now;
                } else if (now - strangersSinceNs >= STRANGER_GRACE_NANOS) {
                    return End.HELD_BY_STRANGERS;
                }
            }
        }

        private boolean heldByStrangers() {
            Set<Long> job = new HashSet<>();
            job.add(mpirun.pid());
            mpirun.toHandle().descendants().forEach(process -> job.add(process.pid()));
            strangers = ForeignConnections.into(mpirun.toHandle(), job, jobElsewhere);
            return strangers.connections() > 0;
        }

        ForeignConnections strangers() {
            return strangers;
        }

        ProgressWatch.Snapshot boardWhenARankWentOrNow() {
            return whenARankWent != null ? whenARankWent : progress.snapshot();
        }
    }

    /** mpirun tells how the rank it blames ended; it stopped the others itself. */
    private static List<RankEnd> ends(int np, int failedRank, int exitCode) {
        List<RankEnd> ends = new ArrayList<>();
        for (int rank = 0; rank < np; rank++) {
            ends.add(rank == failedRank ? RankEnd.exited(exitCode) : RankEnd.running());
        }
        return ends;
    }

    private static MpirunCommand.Host host(JobSpec spec) {
        String extra = System.getProperty(EXTRA_ARGS_PROPERTY, "").strip();
        Map<String, String> settings = new HashMap<>(System.getenv());
        settings.putAll(spec.env());
        String agent = settings.get(RemoteLaunch.AGENT_ENV);
        return new MpirunCommand.Host(
                isRoot(),
                Runtime.getRuntime().availableProcessors(),
                spec.timeout().toSeconds() + BACKSTOP_SECONDS,
                extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")),
                BindAddress.configured(settings),
                agent == null || agent.isBlank() ? null : agent.strip());
    }

    /** uid 0? {@code /proc/self} belongs to the process's user. */
    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** On success every rank exited 0; on failure only the blamed rank's status is known. */
    private static List<Integer> exitCodes(int np, MpirunReport.Verdict verdict) {
        List<Integer> codes = new ArrayList<>();
        for (int rank = 0; rank < np; rank++) {
            if (verdict.account().isEmpty()) {
                codes.add(0);
            } else {
                codes.add(rank == verdict.failedRank() ? verdict.exitCode() : JobOutcome.NOT_EXITED);
            }
        }
        return codes;
    }

    private static List<Integer> notExited(int np) {
        return Collections.nCopies(np, JobOutcome.NOT_EXITED);
    }

    private static Thread pump(
            InputStream in,
            boolean stderr,
            JobSpec spec,
            List<RankLine> lines,
            StringBuffer output,
            ProgressWatch progress) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        TaggedOutput tagged = new TaggedOutput(stderr);
                        String raw;
                        while ((raw = reader.readLine()) != null) {
                            tagged.accept(raw).forEach(line -> forward(line, spec, lines, output, progress));
                        }
                        tagged.finish().forEach(line -> forward(line, spec, lines, output, progress));
                    } catch (IOException e) {
                        // mpirun was killed while we read: nothing more to forward.
                    }
                },
                "jmpi-mpirun-" + (stderr ? "err" : "out"));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void forward(
            RankLine line, JobSpec spec, List<RankLine> lines, StringBuffer output, ProgressWatch progress) {
        lines.add(line);
        if (line.rank() >= 0 && line.stderr()) {
            progress.rankSaid(line.rank(), line.text());
        }
        String who = line.rank() < 0 ? "[mpirun" : "[rank " + line.rank();
        // One append per line: StringBuffer locks each call, and the stdout and stderr pumps share it.
        output.append(who + (line.stderr() ? " err] " : "] ") + line.text() + '\n');
        spec.output().accept(line);
    }

    private static void join(Thread pump) {
        try {
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

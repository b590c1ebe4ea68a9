package org.jmpibench.mpjexpress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jmpibench.launcher.BindAddress;
import org.jmpibench.launcher.ProcessJobRunner;
import org.jmpibench.launcher.RankCommand;
import org.jmpibench.spi.JobLauncher;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;

/**
 * Starts an MPJ Express niodev job without MPJ's daemon or {@code mpjrun}: one JVM per rank, started by
 * {@link ProcessJobRunner} (which ends the job on the first rank that exits non-zero, and kills everything at the time
 * limit, and starts the ranks placed on other hosts through the launch agent), with our {@link PeerInfoServer} on an
 * ephemeral port as the rendezvous: of 127.0.0.1 on one host, else of the launcher host's address the other hosts reach
 * ({@link BindAddress}). Each rank runs {@code java <options> -cp <application>:mpj.jar:log4j MpjRankMain <rank> <conf>
 * niodev --main ...}.
 */
final class NiodevLauncher implements JobLauncher {

    static final String DEVICE = "niodev";

    @Override
    public JobOutcome run(JobSpec spec) {
        MpjInstallation mpj = MpjInstallation.require();
        Map<String, String> env = new HashMap<>();
        env.put("MPJ_HOME", mpj.home().toString());
        Map<String, String> settings = new HashMap<>(System.getenv());
        settings.putAll(spec.env());
        PeerInfoServer server =
                PeerInfoServer.start(spec.np(), Map.copyOf(env), BindAddress.forLauncher(settings, spec.hostfile()));
        try {
            ProcessJobRunner runner =
                    new ProcessJobRunner(MpjNiodevBackend.NAME, withIds -> server, command(mpj, server.conf()));
            JobOutcome outcome = runner.run(spec);
            if (!outcome.succeeded() && !server.problem().isEmpty()) {
                return new JobOutcome(
                        outcome.backend(),
                        outcome.exitCodes(),
                        outcome.timedOut(),
                        outcome.failure() + " (rendezvous: " + server.problem() + ")",
                        outcome.output());
            }
            return outcome;
        } finally {
            server.close();
        }
    }

    private static RankCommand command(MpjInstallation mpj, String conf) {
        return (rank, np, program, jdk) -> {
            List<String> cmd = new ArrayList<>();
            cmd.add(jdk.java().toString());
            cmd.addAll(program.jvmOptions());
            cmd.add("-cp");
            cmd.add(RankCommand.classpath(
                    RankClasspath.applicationPart(program.classpath(), List.of()), mpj.niodevClasspath()));
            cmd.add(MpjRankMain.class.getName());
            cmd.add(Integer.toString(rank));
            cmd.add(conf);
            cmd.add(DEVICE);
            // Each rank gets its own program already (ProcessJobRunner asks per rank): no leader section needed.
            cmd.addAll(RankArgs.encode(program, (RankProgram) null));
            return cmd;
        };
    }
}

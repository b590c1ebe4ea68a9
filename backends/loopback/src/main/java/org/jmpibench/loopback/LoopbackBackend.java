package org.jmpibench.loopback;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jmpibench.collectives.Algorithms;
import org.jmpibench.launcher.JobSession;
import org.jmpibench.launcher.ProcessJobRunner;
import org.jmpibench.launcher.RankCommand;
import org.jmpibench.launcher.RankEnv;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Idle;
import org.jmpibench.spi.JobLauncher;
import org.jmpibench.spi.JobSpec;

/**
 * Our own pure-Java backend: one JVM per rank on this machine, a full mesh of TCP connections on 127.0.0.1,
 * met through a rendezvous server that the launcher runs for each job. Needs nothing but a JDK, so it is always
 * available. Knobs: see {@link LoopbackConfig}.
 */
public final class LoopbackBackend implements Backend {

    public static final String NAME = "loopback";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Availability availability() {
        return Availability.available("TCP 127.0.0.1, jmpi-bench (Java " + Runtime.version().feature() + ")");
    }

    /** The launcher maps each idle strategy to this backend's knobs ({@link LoopbackConfig#idleEnv}). */
    @Override
    public JobLauncher launcher() {
        return spec -> new ProcessJobRunner(NAME, LoopbackBackend::openRendezvous,
                RankCommand.plainJava(ownClasspath(), List.of()))
                .run(spec.withMoreEnv(LoopbackConfig.idleEnv(spec.idle())));
    }

    @Override
    public Set<Idle> idleStrategies() {
        return EnumSet.allOf(Idle.class);
    }

    /** Inside a rank: reads the job's environment, meets the other ranks and connects to all of them. */
    @Override
    public Communicator joinJob() {
        Map<String, String> env = System.getenv();
        LoopbackConfig config = LoopbackConfig.fromEnv(env);
        int rank = LoopbackConfig.rank(env);
        int size = LoopbackConfig.size(env);
        if (rank < 0 || rank >= size) {
            throw new IllegalArgumentException("$" + RankEnv.RANK + " " + rank + " is outside 0.." + (size - 1));
        }
        byte[] token = LoopbackConfig.token(env).getBytes(StandardCharsets.UTF_8);
        if (config.verbose() && rank == 0) {
            System.err.println("loopback: " + config.describe());
        }
        Transport transport = Mesh.join(rank, size, token, LoopbackConfig.rendezvousAddress(env), config);
        return new LoopbackCommunicator(transport);
    }

    /** The launcher's side: one rendezvous per job, configured by the same variables the ranks will see. */
    private static JobSession openRendezvous(JobSpec spec) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(spec.env());
        return RendezvousServer.open(spec.np(), LoopbackConfig.token(env), LoopbackConfig.fromEnv(env));
    }

    /** Where this backend and what it needs were loaded from, so ranks find them whatever the program's path. */
    private static List<Path> ownClasspath() {
        return RankCommand.codeSourcesOf(LoopbackBackend.class, Backend.class, RankEnv.class, Algorithms.class);
    }
}

package org.jmpibench.loopback;

import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Idle;
import org.jmpibench.spi.JobLauncher;
import org.jmpibench.spi.JobSpec;

/**
 * What the loopback and tcp backends share: one JVM per rank started by {@link ProcessJobRunner}, a rendezvous server
 * in the launcher for each job, and a full mesh of authenticated TCP connections between the ranks. They differ only in
 * where sockets bind: {@link #rendezvousAddress} in the launcher, {@link #listenAddress} in a rank. Knobs: see
 * {@link LoopbackConfig}.
 */
abstract class SocketBackend implements Backend {

    /** Where the launcher's rendezvous for {@code spec} listens; {@code env} is the launcher's and the job's. */
    abstract InetAddress rendezvousAddress(JobSpec spec, Map<String, String> env);

    /** Whether a rank accepts a rendezvous that is not on a loopback address. */
    abstract boolean acrossHosts();

    /** Where a rank listens, given the rendezvous it registers with. */
    abstract InetAddress listenAddress(Map<String, String> env, InetSocketAddress rendezvous);

    /** The launcher maps each idle strategy to this backend's knobs ({@link LoopbackConfig#idleEnv}). */
    @Override
    public JobLauncher launcher() {
        return spec -> new ProcessJobRunner(
                        name(), this::openRendezvous, RankCommand.plainJava(ownClasspath(), jdk -> List.of()))
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
            System.err.println(name() + ": " + config.describe());
        }
        InetSocketAddress rendezvous = LoopbackConfig.rendezvousAddress(env, !acrossHosts());
        Transport transport = Mesh.join(rank, size, token, rendezvous, config, listenAddress(env, rendezvous));
        return new LoopbackCommunicator(transport);
    }

    /** The launcher's side: one rendezvous per job, configured by the same variables the ranks will see. */
    private JobSession openRendezvous(JobSpec spec) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(spec.env());
        return RendezvousServer.open(
                spec.np(), LoopbackConfig.token(env), LoopbackConfig.fromEnv(env), rendezvousAddress(spec, env));
    }

    /** Where this backend and what it needs were loaded from, so ranks find them whatever the program's path. */
    private static List<Path> ownClasspath() {
        return RankCommand.codeSourcesOf(SocketBackend.class, Backend.class, RankEnv.class, Algorithms.class);
    }
}

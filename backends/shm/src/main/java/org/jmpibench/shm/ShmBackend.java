package org.jmpibench.shm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jmpibench.collectives.Algorithms;
import org.jmpibench.launcher.LocalHost;
import org.jmpibench.launcher.ProcessJobRunner;
import org.jmpibench.launcher.RankCommand;
import org.jmpibench.launcher.RankEnv;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Idle;
import org.jmpibench.spi.JobLauncher;

/**
 * Our shared-memory backend: one JVM per rank on this machine ({@link ProcessJobRunner}), all talking through one file
 * in {@code /dev/shm} that a per-job session creates before the ranks start and removes after they end. Knobs:
 * {@link ShmConfig}; waiting: {@link ShmIdle}; file layout: {@link ShmLayoutDescriptor}.
 */
public final class ShmBackend implements Backend {

    public static final String NAME = "shm";

    @Override
    public String name() {
        return NAME;
    }

    /** Available where the shared directory is writable; the version string carries the effective knobs. */
    @Override
    public Availability availability() {
        ShmConfig config;
        try {
            config = ShmConfig.from(System::getenv);
        } catch (IllegalArgumentException e) {
            return Availability.unavailable(e.getMessage());
        }
        Path directory = config.directory();
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            return Availability.unavailable(
                    "shm needs a writable tmpfs directory at " + directory + " (or set " + ShmConfig.DIR_ENV + ")");
        }
        return Availability.available("pure Java " + Runtime.version().feature() + "; " + config.describe());
    }

    /** The launcher maps each idle strategy to {@code JMPI_SHM_IDLE} ({@link ShmConfig#idleEnv}). */
    @Override
    public JobLauncher launcher() {
        ProcessJobRunner runner = new ProcessJobRunner(
                NAME, ShmJobSession::open, RankCommand.plainJava(ownClasspath(), RankCommand::nativeAccessOptions));
        return spec -> {
            LocalHost.requireOnlyThisHost(NAME, spec.hostfile());
            return runner.run(spec.withHostfile(null).withMoreEnv(ShmConfig.idleEnv(spec.idle())));
        };
    }

    @Override
    public Set<Idle> idleStrategies() {
        return EnumSet.allOf(Idle.class);
    }

    @Override
    public Communicator joinJob() {
        ShmConfig config = ShmConfig.from(System::getenv);
        Path file = Path.of(RankEnv.require(ShmJobSession.FILE_ENV));
        return ShmCommunicator.join(file, RankEnv.rank(), RankEnv.size(), config);
    }

    /** Where this backend and what it needs were loaded from, so ranks find them whatever the program's path. */
    private static List<Path> ownClasspath() {
        return RankCommand.codeSourcesOf(ShmBackend.class, Backend.class, RankEnv.class, Algorithms.class);
    }
}

package org.jmpibench.harness.job;

import java.util.ArrayList;
import java.util.List;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Backends;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.JobLauncher;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;

/**
 * Test-only backends: the loopback backend with one rank misbehaving ({@link FaultyCommunicator}). Their jobs are
 * loopback jobs (loopback's launcher sets {@code JMPI_BACKEND=loopback}); every rank also gets
 * {@code -Djmpi.backend=<this name>}, which {@code Job} prefers, so ranks join through this class.
 */
abstract class FaultyLoopbackBackend implements Backend {

    private final String name;
    private final FaultyCommunicator.Fault fault;
    private final int faultyRank;

    FaultyLoopbackBackend(String name, FaultyCommunicator.Fault fault, int faultyRank) {
        this.name = name;
        this.fault = fault;
        this.faultyRank = faultyRank;
    }

    private static Backend loopback() {
        return Backends.byName("loopback");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Availability availability() {
        return loopback().availability();
    }

    @Override
    public JobLauncher launcher() {
        return spec -> loopback()
                .launcher()
                .run(new JobSpec(
                        spec.np(),
                        named(spec.program()),
                        spec.leader() == null ? null : named(spec.leader()),
                        spec.timeout(),
                        spec.env(),
                        spec.hostfile(),
                        spec.output(),
                        spec.jdk(),
                        spec.idle()));
    }

    @Override
    public Communicator joinJob() {
        Communicator real = loopback().joinJob();
        return real.rank() == faultyRank ? new FaultyCommunicator(real, fault) : real;
    }

    private RankProgram named(RankProgram program) {
        List<String> options = new ArrayList<>(program.jvmOptions());
        options.add("-Djmpi.backend=" + name);
        return program.withJvmOptions(options);
    }
}

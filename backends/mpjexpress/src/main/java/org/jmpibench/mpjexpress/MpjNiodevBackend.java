package org.jmpibench.mpjexpress;

import java.util.Optional;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.JobLauncher;

/** MPJ Express's niodev: one JVM per rank, NIO sockets between them. */
public final class MpjNiodevBackend implements Backend {

    public static final String NAME = "mpj-niodev";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean spansHosts() {
        return true;
    }

    @Override
    public Availability availability() {
        return MpjInstallation.availability(NiodevLauncher.DEVICE);
    }

    @Override
    public JobLauncher launcher() {
        return new NiodevLauncher();
    }

    @Override
    public Optional<String> plainProgram() {
        // A name, not a class literal: loading the class here would load mpi.* in the command-line JVM.
        return Optional.of("org.jmpibench.mpjexpress.PlainMpj");
    }

    @Override
    public Communicator joinJob() {
        return MpjCommunicator.joinWorld(0);
    }
}

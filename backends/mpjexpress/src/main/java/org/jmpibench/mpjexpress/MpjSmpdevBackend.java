package org.jmpibench.mpjexpress;

import java.util.Optional;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.JobLauncher;

/** MPJ Express's smpdev: every rank a thread of one JVM, each with its own class loader, sharing memory. */
public final class MpjSmpdevBackend implements Backend {

    public static final String NAME = "mpj-smpdev";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Availability availability() {
        return MpjInstallation.availability(SmpdevLauncher.DEVICE);
    }

    @Override
    public JobLauncher launcher() {
        return new SmpdevLauncher();
    }

    @Override
    public Optional<String> plainProgram() {
        // A name, not a class literal: loading the class here would load mpi.* in the command-line JVM.
        return Optional.of("org.jmpibench.mpjexpress.PlainMpj");
    }

    @Override
    public Communicator joinJob() {
        return MpjCommunicator.joinWorld(MpjCommunicator.SMPDEV_EAGER_LIMIT_BYTES);
    }
}

package org.jmpibench.mpjexpress;

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
    public Communicator joinJob() {
        return MpjCommunicator.joinWorld(0);
    }
}

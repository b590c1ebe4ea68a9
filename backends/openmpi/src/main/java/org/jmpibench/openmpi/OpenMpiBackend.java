package org.jmpibench.openmpi;

import java.util.Optional;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.JobLauncher;

/**
 * {@code openmpi}: Open MPI's Java bindings under {@code mpirun}. Cheap to construct; availability only looks for files
 * and asks {@code mpirun --version}, never loading {@code mpi.MPI} (only {@link #joinJob()} does, inside a rank).
 */
public final class OpenMpiBackend implements Backend {

    public static final String NAME = "openmpi";

    private final OpenMpiLocator locator;
    private volatile OpenMpiLocator.Lookup lookup;

    public OpenMpiBackend() {
        this(OpenMpiLocator.standard());
    }

    /** A backend that looks for Open MPI where {@code locator} says (tests point it at empty directories). */
    public OpenMpiBackend(OpenMpiLocator locator) {
        this.locator = locator;
    }

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
        OpenMpiLocator.Lookup found = lookup();
        return found.installation()
                .map(i -> Availability.available("Open MPI " + i.version()))
                .orElseGet(() -> Availability.unavailable(found.missing()));
    }

    @Override
    public JobLauncher launcher() {
        return new OpenMpiLauncher(NAME, this::lookup);
    }

    @Override
    public Optional<String> plainProgram() {
        // A name, not a class literal: loading the class here would load mpi.* in the command-line JVM.
        return Optional.of("org.jmpibench.openmpi.PlainOpenMpi");
    }

    @Override
    public Communicator joinJob() {
        return OpenMpiCommunicator.join();
    }

    /** Looked up once per backend object: the files do not move while a run lasts. */
    private OpenMpiLocator.Lookup lookup() {
        OpenMpiLocator.Lookup found = lookup;
        if (found == null) {
            found = locator.lookup();
            lookup = found;
        }
        return found;
    }
}

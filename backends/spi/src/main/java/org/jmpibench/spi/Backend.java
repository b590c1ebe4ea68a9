package org.jmpibench.spi;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A message-passing implementation behind the {@link Communicator} SPI, found with {@link java.util.ServiceLoader} (see
 * {@link Backends}).
 *
 * <p>Implementations must be cheap to construct and must not load the library they wrap until asked: the command line
 * lists every backend in one JVM, and two backends (Open MPI's and MPJ Express's) define the same class
 * {@code mpi.MPI}, so their library classes only ever load inside their own rank JVMs.
 */
public interface Backend {

    /** Stable name used on the command line and in results, e.g. {@code loopback}, {@code openmpi}. */
    String name();

    /** Whether the backend can run here; checked without loading the wrapped library. */
    Availability availability();

    /**
     * Whether one job can span several hosts ({@link JobSpec#hostfile()}); a backend that cannot refuses a hostfile of
     * more than one host.
     */
    default boolean spansHosts() {
        return false;
    }

    /**
     * The backend this one is on a single host, when that is another backend (tcp: loopback); empty otherwise. Whoever
     * picks backends by default for a run on one host runs that one only, not the same code twice.
     */
    default Optional<String> singleHostForm() {
        return Optional.empty();
    }

    /** Starts N-rank jobs of this backend. */
    JobLauncher launcher();

    /**
     * The idle strategies its launcher runs ({@link JobSpec#idle()}), each mapped to the backend's own waiting
     * mechanism; {@link Idle#DEFAULT} always. A backend without such a knob has only the default: running another would
     * repeat it under another name, so callers skip those (and its launcher refuses them).
     */
    default Set<Idle> idleStrategies() {
        return EnumSet.of(Idle.DEFAULT);
    }

    /**
     * Called inside a rank started by {@link #launcher()}: joins the job this process (or thread) belongs to.
     * Application code calls {@link Job#communicator()} instead.
     */
    Communicator joinJob();

    /**
     * The main class of this backend's plain program ({@link org.jmpibench.spi.plain}): the same operations timed on
     * the wrapped library called directly, the yardstick of {@code jmpi-bench calibrate}. Empty for backends that wrap
     * no library (they are the library).
     */
    default Optional<String> plainProgram() {
        return Optional.empty();
    }
}

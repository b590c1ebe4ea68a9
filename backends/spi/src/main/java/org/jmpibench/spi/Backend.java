package org.jmpibench.spi;

/**
 * A message-passing implementation behind the {@link Communicator} SPI, found with
 * {@link java.util.ServiceLoader} (see {@link Backends}).
 *
 * <p>Implementations must be cheap to construct and must not load the library they wrap until asked: the
 * command line lists every backend in one JVM, and two backends (Open MPI's and MPJ Express's) define the
 * same class {@code mpi.MPI}, so their library classes only ever load inside their own rank JVMs.
 */
public interface Backend {

    /** Stable name used on the command line and in results, e.g. {@code loopback}, {@code openmpi}. */
    String name();

    /** Whether the backend can run here; checked without loading the wrapped library. */
    Availability availability();

    /**
     * Whether one job can span several hosts ({@link JobSpec#hostfile()}); a backend that cannot refuses a
     * hostfile of more than one host.
     */
    default boolean spansHosts() {
        return false;
    }

    /** Starts N-rank jobs of this backend. */
    JobLauncher launcher();

    /**
     * Called inside a rank started by {@link #launcher()}: joins the job this process (or thread) belongs to.
     * Application code calls {@link Job#communicator()} instead.
     */
    Communicator joinJob();
}

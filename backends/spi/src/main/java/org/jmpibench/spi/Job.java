package org.jmpibench.spi;

/**
 * The entry point inside a rank: {@code Communicator comm = Job.communicator();}.
 *
 * <p>The launcher tells each rank its backend through the environment variable {@value #BACKEND_ENV}
 * (or the system property {@value #BACKEND_PROPERTY}). The first call joins the job; later calls return the same
 * communicator. Where ranks are threads of one JVM, the backend gives each rank its own class loader, so each
 * rank sees its own copy of this class.
 */
public final class Job {

    /** Environment variable naming the backend of the job this process belongs to. */
    public static final String BACKEND_ENV = "JMPI_BACKEND";
    /** System property that overrides {@link #BACKEND_ENV}. */
    public static final String BACKEND_PROPERTY = "jmpi.backend";

    private static Communicator current;

    private Job() {
    }

    /** The communicator of the job this rank belongs to; joins the job on the first call. */
    public static synchronized Communicator communicator() {
        if (current == null) {
            current = Backends.byName(backendName()).joinJob();
        }
        return current;
    }

    /** The name of this rank's backend, from {@value #BACKEND_PROPERTY} or {@value #BACKEND_ENV}. */
    public static String backendName() {
        String name = System.getProperty(BACKEND_PROPERTY);
        if (name == null || name.isBlank()) {
            name = System.getenv(BACKEND_ENV);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("not inside a jmpi-bench job: neither -D" + BACKEND_PROPERTY
                    + " nor $" + BACKEND_ENV + " is set; start ranks with a backend's launcher");
        }
        return name;
    }
}

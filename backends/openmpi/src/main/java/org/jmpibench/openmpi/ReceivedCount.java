package org.jmpibench.openmpi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import mpi.Datatype;
import mpi.MPIException;
import mpi.Status;

/** How many elements a receive got, from its {@link Status}. */
final class ReceivedCount {

    /**
     * {@code Status.data}: the bindings copy {@code MPI_Status} into it as {source, tag, error, cancelled, ucount,
     * index}, ucount being the bytes received. Reading it saves {@code Status.getCount}'s JNI call, about 25 ns, a
     * tenth of a one-int half round trip on shared memory. Null where the field is not there (another version of the
     * bindings): then getCount is asked.
     */
    private static final VarHandle STATUS_DATA = statusData();

    private static final int STATUS_UCOUNT = 4;
    private static final int STATUS_LENGTH = 6;

    private ReceivedCount() {}

    /** The elements of {@code elementBytes} bytes each that arrived, at most {@code count}. */
    static int of(Status status, Datatype type, int elementBytes, int count) throws MPIException {
        if (STATUS_DATA != null) {
            long[] data = (long[]) STATUS_DATA.get(status);
            if (data.length == STATUS_LENGTH) {
                long bytes = data[STATUS_UCOUNT];
                if (bytes >= 0 && bytes % elementBytes == 0 && bytes / elementBytes <= count) {
                    return (int) (bytes / elementBytes);
                }
            }
        }
        return status.getCount(type);
    }

    private static VarHandle statusData() {
        try {
            return MethodHandles.privateLookupIn(Status.class, MethodHandles.lookup())
                    .findVarHandle(Status.class, "data", long[].class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}

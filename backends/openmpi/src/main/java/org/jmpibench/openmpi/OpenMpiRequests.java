package org.jmpibench.openmpi;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.jmpibench.openmpi.OpenMpiRequest.Target;
import org.jmpibench.spi.Checks;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Request;

/**
 * The non-blocking half of the SPI on Open MPI: {@code MPI_Isend}, {@code MPI_Irecv}, {@code MPI_Wait},
 * {@code MPI_Test} and {@code MPI_Waitall} through the bindings' {@code iSend}, {@code iRecv},
 * {@code Request.waitStatus/waitFor/testStatus/test} and {@code Request.waitAll/waitAllStatus}. Requests come from a
 * pool and go back to it once awaited, with their staging buffers; the bindings themselves still make a small
 * {@code mpi.Request} per call (and a {@code Status} per completed receive), which we cannot avoid.
 */
final class OpenMpiRequests {

    private final OpenMpiWorld world;
    private final ArrayDeque<OpenMpiRequest> pool = new ArrayDeque<>();
    private int outstanding;
    /** The requests of the {@code waitAll} being run, in the order of their handles. */
    private final OpenMpiRequest[] batch = new OpenMpiRequest[Communicator.MAX_OUTSTANDING_REQUESTS];
    /**
     * The handles for {@code Request.waitAll}, which waits for every entry of the array it is given: one array per
     * length, made the first time a batch has that length.
     */
    private final mpi.Request[][] handlesByLength = new mpi.Request[Communicator.MAX_OUTSTANDING_REQUESTS + 1][];

    OpenMpiRequests(OpenMpiWorld world) {
        this.world = world;
    }

    Request isend(int[] buf, int offset, int count, int dest, int tag) {
        world.checkOpen();
        Checks.range(buf, offset, count, "buf");
        checkPeer(dest, tag, "dest");
        OpenMpiRequest request = acquire();
        Staging staging = request.staging((long) count * Integer.BYTES);
        staging.ints().put(0, buf, offset, count);
        return startSend(request, staging.bytes(), count, MPI.INT, dest, tag);
    }

    Request isend(double[] buf, int offset, int count, int dest, int tag) {
        world.checkOpen();
        Checks.range(buf, offset, count, "buf");
        checkPeer(dest, tag, "dest");
        OpenMpiRequest request = acquire();
        Staging staging = request.staging((long) count * Double.BYTES);
        staging.doubles().put(0, buf, offset, count);
        return startSend(request, staging.bytes(), count, MPI.DOUBLE, dest, tag);
    }

    Request isend(ByteBuffer buf, int dest, int tag) {
        world.checkOpen();
        Checks.notNull(buf, "buf");
        checkPeer(dest, tag, "dest");
        int bytes = buf.remaining();
        OpenMpiRequest request = acquire();
        ByteBuffer source;
        if (buf.isDirect()) {
            source = atPosition(buf);
        } else {
            source = request.staging(bytes).bytes();
            source.put(0, buf, buf.position(), bytes);
        }
        return startSend(request, source, bytes, MPI.BYTE, dest, tag);
    }

    Request irecv(int[] buf, int offset, int count, int source, int tag) {
        world.checkOpen();
        Checks.range(buf, offset, count, "buf");
        checkPeer(source, tag, "source");
        OpenMpiRequest request = acquire();
        request.deliverTo(buf, offset);
        return startReceive(
                request, request.staging((long) count * Integer.BYTES).bytes(), count, Target.INTS, source, tag);
    }

    Request irecv(double[] buf, int offset, int count, int source, int tag) {
        world.checkOpen();
        Checks.range(buf, offset, count, "buf");
        checkPeer(source, tag, "source");
        OpenMpiRequest request = acquire();
        request.deliverTo(buf, offset);
        return startReceive(
                request, request.staging((long) count * Double.BYTES).bytes(), count, Target.DOUBLES, source, tag);
    }

    Request irecv(ByteBuffer buf, int source, int tag) {
        world.checkOpen();
        Checks.writable(buf, "buf");
        checkPeer(source, tag, "source");
        int room = buf.remaining();
        OpenMpiRequest request = acquire();
        if (buf.isDirect()) {
            return startReceive(request, atPosition(buf), room, Target.DIRECT_BYTES, source, tag);
        }
        request.deliverTo(buf, buf.position());
        return startReceive(request, request.staging(room).bytes(), room, Target.HEAP_BYTES, source, tag);
    }

    int await(OpenMpiRequest request) {
        world.checkOpen();
        if (!request.done()) {
            try {
                if (request.isReceive()) {
                    request.complete(request.pending().waitStatus());
                } else {
                    request.pending().waitFor();
                    request.complete(null);
                }
            } catch (MPIException e) {
                throw world.failure(request.describe(), e);
            }
            outstanding--;
        }
        int result = request.result();
        recycle(request);
        return result;
    }

    boolean test(OpenMpiRequest request) {
        world.checkOpen();
        if (request.done()) {
            return true;
        }
        try {
            if (request.isReceive()) {
                Status status = request.pending().testStatus();
                if (status == null) {
                    return false;
                }
                request.complete(status);
            } else {
                if (!request.pending().test()) {
                    return false;
                }
                request.complete(null);
            }
        } catch (MPIException e) {
            throw world.failure(request.describe(), e);
        }
        outstanding--;
        return true;
    }

    void waitAll(Request[] requests, int count) {
        world.checkOpen();
        Checks.requests(requests, count);
        for (int i = 0; i < count; i++) {
            if (requests[i] != null) {
                own(requests[i]);
            }
        }
        int pending = 0;
        boolean statuses = false;
        for (int i = 0; i < count; i++) {
            OpenMpiRequest request = (OpenMpiRequest) requests[i];
            if (request != null && !request.done() && !request.batched) {
                request.batched = true;
                batch[pending++] = request;
                statuses |= request.copiesOut();
            }
        }
        if (pending > 0) {
            waitForBatch(pending, statuses);
        }
        for (int i = 0; i < count; i++) {
            if (requests[i] != null) {
                recycle((OpenMpiRequest) requests[i]);
            }
        }
    }

    /** One {@code MPI_Waitall} for the first {@code pending} entries of {@link #batch}. */
    private void waitForBatch(int pending, boolean statuses) {
        mpi.Request[] handles = handlesByLength[pending];
        if (handles == null) {
            handles = new mpi.Request[pending];
            handlesByLength[pending] = handles;
        }
        for (int i = 0; i < pending; i++) {
            handles[i] = batch[i].pending();
        }
        try {
            // Statuses cost the bindings an object per request: ask for them only when a receive must copy out.
            if (statuses) {
                Status[] status = mpi.Request.waitAllStatus(handles);
                for (int i = 0; i < pending; i++) {
                    batch[i].complete(status[i]);
                }
            } else {
                mpi.Request.waitAll(handles);
                for (int i = 0; i < pending; i++) {
                    batch[i].complete(null);
                }
            }
            outstanding -= pending;
        } catch (MPIException e) {
            throw world.failure("waitAll of " + pending + " requests", e);
        } finally {
            for (int i = 0; i < pending; i++) {
                batch[i].batched = false;
                batch[i] = null;
                handles[i] = null;
            }
        }
    }

    private Request startSend(
            OpenMpiRequest request, ByteBuffer source, int count, mpi.Datatype type, int dest, int tag) {
        try {
            request.start(world.comm.iSend(source, count, type, dest, tag), Target.SENT, count, dest, tag);
            return request;
        } catch (MPIException e) {
            abandon(request);
            throw world.failure("isend to rank " + dest, e);
        }
    }

    private Request startReceive(
            OpenMpiRequest request, ByteBuffer target, int count, Target kind, int source, int tag) {
        try {
            request.start(world.comm.iRecv(target, count, kind.type, source, tag), kind, count, source, tag);
            return request;
        } catch (MPIException e) {
            abandon(request);
            throw world.failure("irecv from rank " + source, e);
        }
    }

    private OpenMpiRequest acquire() {
        if (outstanding >= Communicator.MAX_OUTSTANDING_REQUESTS) {
            throw world.failure("more than " + Communicator.MAX_OUTSTANDING_REQUESTS
                    + " requests outstanding; wait for some first");
        }
        OpenMpiRequest request = pool.pollLast();
        if (request == null) {
            request = new OpenMpiRequest(this);
        }
        request.pooled = false;
        outstanding++;
        return request;
    }

    /** A request whose operation could not start. */
    private void abandon(OpenMpiRequest request) {
        outstanding--;
        request.finish();
        recycle(request);
    }

    private void recycle(OpenMpiRequest request) {
        if (!request.pooled) {
            request.pooled = true;
            pool.addLast(request);
        }
    }

    private OpenMpiRequest own(Request request) {
        if (request instanceof OpenMpiRequest mine && mine.owner() == this) {
            return mine;
        }
        throw new IllegalArgumentException("request " + request + " was not started by this communicator");
    }

    private void checkPeer(int rank, int tag, String what) {
        Checks.rank(rank, world.size, what);
        Checks.tag(tag);
    }

    /** The bindings use a direct buffer's base address and ignore its position. */
    private static ByteBuffer atPosition(ByteBuffer buf) {
        return buf.position() == 0 ? buf : buf.slice();
    }
}

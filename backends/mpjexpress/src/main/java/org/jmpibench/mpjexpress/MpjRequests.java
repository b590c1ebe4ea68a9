package org.jmpibench.mpjexpress;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import mpi.Status;
import org.jmpibench.spi.Checks;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Request;

/**
 * The non-blocking half of the SPI on MPJ Express's own {@code Isend}, {@code Irecv}, {@code Request.Wait},
 * {@code Request.Test} and {@code Request.Waitall}. Requests come from a pool and go back to it once awaited; MPJ
 * itself still makes a request, a status and a packed copy of the data per message, which we cannot avoid.
 */
final class MpjRequests {

    private final MpjWorld world;
    private final ArrayDeque<MpjRequest> pool = new ArrayDeque<>();
    private int outstanding;
    /** A {@code ByteBuffer}'s bytes on their way to {@code Isend}, which packs them before it returns. */
    private byte[] sendScratch = new byte[0];
    /** The requests of the {@code waitAll} being run, in the order of their handles. */
    private final MpjRequest[] batch = new MpjRequest[Communicator.MAX_OUTSTANDING_REQUESTS];
    /**
     * The handles for {@code Request.Waitall}, which returns a status for every entry of the array it is given: one
     * array per length, made the first time a batch has that length.
     */
    private final mpi.Request[][] handlesByLength = new mpi.Request[Communicator.MAX_OUTSTANDING_REQUESTS + 1][];

    MpjRequests(MpjWorld world) {
        this.world = world;
    }

    Request isend(int[] buf, int offset, int count, int dest, int tag) {
        world.checkOpen();
        Checks.range(buf, offset, count, "buf");
        checkPeer(dest, "dest", tag);
        return startSend(acquire(), buf, offset, count, ArrayKind.INT, dest, tag);
    }

    Request isend(double[] buf, int offset, int count, int dest, int tag) {
        world.checkOpen();
        Checks.range(buf, offset, count, "buf");
        checkPeer(dest, "dest", tag);
        return startSend(acquire(), buf, offset, count, ArrayKind.DOUBLE, dest, tag);
    }

    Request isend(ByteBuffer buf, int dest, int tag) {
        world.checkOpen();
        int bytes = Checks.notNull(buf, "buf").remaining();
        checkPeer(dest, "dest", tag);
        MpjRequest request = acquire();
        if (sendScratch.length < bytes) {
            sendScratch = new byte[bytes];
        }
        // MPJ Express 0.44 packs the data into its own buffer inside Isend (mpi.Comm.isend), for every device:
        // the scratch array is free again when Isend returns.
        MpjBuffers.toArray(buf, ArrayKind.BYTE, bytes, sendScratch);
        return startSend(request, sendScratch, 0, bytes, ArrayKind.BYTE, dest, tag);
    }

    Request irecv(int[] buf, int offset, int count, int source, int tag) {
        world.checkOpen();
        Checks.range(buf, offset, count, "buf");
        checkPeer(source, "source", tag);
        return startReceive(acquire(), buf, offset, count, ArrayKind.INT, source, tag);
    }

    Request irecv(double[] buf, int offset, int count, int source, int tag) {
        world.checkOpen();
        Checks.range(buf, offset, count, "buf");
        checkPeer(source, "source", tag);
        return startReceive(acquire(), buf, offset, count, ArrayKind.DOUBLE, source, tag);
    }

    Request irecv(ByteBuffer buf, int source, int tag) {
        world.checkOpen();
        int room = Checks.writable(buf, "buf").remaining();
        checkPeer(source, "source", tag);
        MpjRequest request = acquire();
        request.deliverTo(buf);
        return startReceive(request, request.staging(room), 0, room, ArrayKind.BYTE, source, tag);
    }

    int await(MpjRequest request) {
        world.checkOpen();
        if (!request.done()) {
            Status status;
            try {
                status = request.pending().Wait();
            } catch (RuntimeException e) {
                throw world.failure(request.describe(), e);
            }
            completed(request, status);
        }
        int result = request.result();
        recycle(request);
        return result;
    }

    boolean test(MpjRequest request) {
        world.checkOpen();
        if (request.done()) {
            return true;
        }
        Status status;
        try {
            status = request.pending().Test();
        } catch (RuntimeException e) {
            throw world.failure(request.describe(), e);
        }
        if (status == null) {
            return false;
        }
        completed(request, status);
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
        for (int i = 0; i < count; i++) {
            MpjRequest request = (MpjRequest) requests[i];
            if (request != null && !request.done() && !request.batched) {
                request.batched = true;
                batch[pending++] = request;
            }
        }
        if (pending > 0) {
            waitForBatch(pending);
        }
        for (int i = 0; i < count; i++) {
            if (requests[i] != null) {
                recycle((MpjRequest) requests[i]);
            }
        }
    }

    /** One {@code Request.Waitall} for the first {@code pending} entries of {@link #batch}. */
    private void waitForBatch(int pending) {
        mpi.Request[] handles = handlesByLength[pending];
        if (handles == null) {
            handles = new mpi.Request[pending];
            handlesByLength[pending] = handles;
        }
        for (int i = 0; i < pending; i++) {
            handles[i] = batch[i].pending();
        }
        try {
            Status[] statuses;
            try {
                statuses = mpi.Request.Waitall(handles);
            } catch (RuntimeException e) {
                throw world.failure("waitAll of " + pending + " requests", e);
            }
            MpjRequest tooLong = null;
            for (int i = 0; i < pending; i++) {
                if (!batch[i].complete(statuses[i]) && tooLong == null) {
                    tooLong = batch[i];
                }
                outstanding--;
            }
            if (tooLong != null) {
                throw world.failure(tooLong.describe() + ": the message is longer than the receive count");
            }
        } finally {
            for (int i = 0; i < pending; i++) {
                batch[i].batched = false;
                batch[i] = null;
                handles[i] = null;
            }
        }
    }

    private void completed(MpjRequest request, Status status) {
        outstanding--;
        if (!request.complete(status)) {
            throw world.failure(request.describe() + ": the message is longer than the receive count");
        }
    }

    private Request startSend(
            MpjRequest request, Object buf, int offset, int count, ArrayKind kind, int dest, int tag) {
        try {
            request.start(
                    world.comm.Isend(buf, offset, count, kind.datatype(), dest, tag), kind, false, count, dest, tag);
            return request;
        } catch (RuntimeException e) {
            abandon(request);
            throw world.failure("isend to rank " + dest, e);
        }
    }

    private Request startReceive(
            MpjRequest request, Object buf, int offset, int count, ArrayKind kind, int source, int tag) {
        try {
            request.start(
                    world.comm.Irecv(buf, offset, count, kind.datatype(), source, tag), kind, true, count, source, tag);
            return request;
        } catch (RuntimeException e) {
            abandon(request);
            throw world.failure("irecv from rank " + source, e);
        }
    }

    private MpjRequest acquire() {
        if (outstanding >= Communicator.MAX_OUTSTANDING_REQUESTS) {
            throw world.failure("more than " + Communicator.MAX_OUTSTANDING_REQUESTS
                    + " requests outstanding; wait for some first");
        }
        MpjRequest request = pool.pollLast();
        if (request == null) {
            request = new MpjRequest(this);
        }
        request.pooled = false;
        outstanding++;
        return request;
    }

    /** A request whose operation could not start. */
    private void abandon(MpjRequest request) {
        outstanding--;
        request.finish();
        recycle(request);
    }

    private void recycle(MpjRequest request) {
        if (!request.pooled) {
            request.pooled = true;
            pool.addLast(request);
        }
    }

    private MpjRequest own(Request request) {
        if (request instanceof MpjRequest mine && mine.owner() == this) {
            return mine;
        }
        throw new IllegalArgumentException("request " + request + " was not started by this communicator");
    }

    private void checkPeer(int rank, String what, int tag) {
        Checks.rank(rank, world.size, what);
        Checks.tag(tag);
    }
}

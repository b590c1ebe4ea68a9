package org.jmpibench.shm;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jmpibench.collectives.BaseCommunicator;
import org.jmpibench.collectives.Region;
import org.jmpibench.spi.Checks;
import org.jmpibench.spi.CommunicatorException;
import org.jmpibench.spi.Request;

/**
 * One rank of a shm job: checks arguments ({@link Checks}), then hands the caller's buffers, as reusable
 * {@link Payload}s, to the progress engine ({@link ShmEngine}) for point-to-point messages and requests, and builds
 * bcast, gather (binomial trees from or to any root) and a dissemination barrier on it; {@link BaseCommunicator} adds
 * the other collectives. Those of this class use negative tags, which user receives (tag >= 0) can never match. Nothing
 * is allocated per message on the matching path.
 */
final class ShmCommunicator extends BaseCommunicator {

    private static final int BARRIER_TAG = -1;
    private static final int BCAST_TAG = -2;
    private static final int GATHER_TAG = -3;

    private final ShmAttachment shm;
    private final ShmEngine engine;

    // Reused for every call: the "first" payload is what the user passed, the "second" the other buffer of a
    // gather, and scratch the bytes a gather collects from its subtree.
    private final Payload.Ints ints = new Payload.Ints();
    private final Payload.Ints ints2 = new Payload.Ints();
    private final Payload.Doubles doubles = new Payload.Doubles();
    private final Payload.Doubles doubles2 = new Payload.Doubles();
    private final Payload.Bytes bytes = new Payload.Bytes();
    private final Payload.Bytes bytes2 = new Payload.Bytes();
    private final Payload.Bytes scratchPayload = new Payload.Bytes();
    private final Payload.Bytes empty = new Payload.Bytes().set(ByteBuffer.allocate(0), 0, 0);
    private BufferViews scratch = new BufferViews(ByteBuffer.allocate(0));

    private ShmCommunicator(ShmAttachment shm, ShmEngine engine) {
        super(engine);
        this.shm = shm;
        this.engine = engine;
    }

    /** Joins the job whose shared file is {@code file}; returns once every rank has joined. */
    static ShmCommunicator join(Path file, int rank, int size, ShmConfig config) {
        ShmAttachment shm = ShmAttachment.join(file, rank, size);
        return new ShmCommunicator(shm, new ShmEngine(shm, new ShmIdle(config.idle(), config.spins())));
    }

    // ---- point to point ----

    @Override
    public void send(int[] buf, int offset, int count, int dest, int tag) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        send(ints.set(buf, offset, count), dest, tag);
    }

    @Override
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        send(doubles.set(buf, offset, count), dest, tag);
    }

    @Override
    public void send(ByteBuffer buf, int dest, int tag) {
        checkUsable();
        Checks.notNull(buf, "buf");
        send(bytes.set(buf, buf.position(), buf.remaining()), dest, tag);
    }

    @Override
    public int recv(int[] buf, int offset, int count, int source, int tag) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        return (int) (receive(ints.set(buf, offset, count), source, tag) / Integer.BYTES);
    }

    @Override
    public int recv(double[] buf, int offset, int count, int source, int tag) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        return (int) (receive(doubles.set(buf, offset, count), source, tag) / Double.BYTES);
    }

    @Override
    public int recv(ByteBuffer buf, int source, int tag) {
        checkUsable();
        Checks.writable(buf, "buf");
        return (int) receive(bytes.set(buf, buf.position(), buf.remaining()), source, tag);
    }

    private void send(Payload payload, int dest, int tag) {
        try {
            Checks.rank(dest, size, "dest");
            Checks.tag(tag);
            engine.send(payload, dest, tag);
        } catch (CommunicatorException e) {
            throw fail(e);
        }
    }

    private long receive(Payload into, int source, int tag) {
        try {
            Checks.rank(source, size, "source");
            Checks.tag(tag);
            return engine.receive(into, source, tag);
        } catch (CommunicatorException e) {
            throw fail(e);
        }
    }

    // ---- requests ----

    @Override
    protected Request startSend(Region buf, int count, int dest, int tag) {
        ShmRequest request = engine.obtain().use(buf, 0, count);
        engine.startSend(request, dest, tag);
        request.owner = this;
        return request;
    }

    @Override
    protected Request startRecv(Region buf, int count, int source, int tag) {
        ShmRequest request = engine.obtain().use(buf, 0, count);
        engine.startRecv(request, source, tag);
        request.owner = this;
        return request;
    }

    /** {@link ShmRequest#await()}: waits, returns the request to the pool, and says how many elements moved. */
    int await(ShmRequest request) {
        checkUsable();
        try {
            engine.await(request);
        } catch (CommunicatorException e) {
            throw fail(e);
        }
        int count = (int) (request.moved / request.payload.elementBytes());
        engine.release(request);
        requestDone();
        return count;
    }

    /** {@link ShmRequest#test()}: one pass of progress unless already done. */
    boolean test(ShmRequest request) {
        checkUsable();
        try {
            if (!request.done) {
                engine.progress();
            }
            return request.done;
        } catch (CommunicatorException e) {
            throw fail(e);
        }
    }

    // ---- collectives ----

    @Override
    public void bcast(int[] buf, int offset, int count, int root) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        bcast(ints.set(buf, offset, count), root);
    }

    @Override
    public void bcast(double[] buf, int offset, int count, int root) {
        checkUsable();
        Checks.range(buf, offset, count, "buf");
        bcast(doubles.set(buf, offset, count), root);
    }

    @Override
    public void bcast(ByteBuffer buf, int root) {
        checkUsable();
        Checks.notNull(buf, "buf");
        bcast(bytes.set(buf, buf.position(), buf.remaining()), root);
    }

    @Override
    public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        checkUsable();
        Checks.rank(root, size, "root");
        Checks.range(send, sendOffset, count, "send");
        Payload into = null;
        if (rank == root) {
            Checks.blocks(recv, recvOffset, count, size, "recv");
            into = ints2.set(recv, recvOffset, count * size);
        }
        gather(ints.set(send, sendOffset, count), into, root);
    }

    @Override
    public void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        checkUsable();
        Checks.rank(root, size, "root");
        Checks.range(send, sendOffset, count, "send");
        Payload into = null;
        if (rank == root) {
            Checks.blocks(recv, recvOffset, count, size, "recv");
            into = doubles2.set(recv, recvOffset, count * size);
        }
        gather(doubles.set(send, sendOffset, count), into, root);
    }

    @Override
    public void gather(ByteBuffer send, ByteBuffer recv, int root) {
        checkUsable();
        Checks.rank(root, size, "root");
        int block = Checks.notNull(send, "send").remaining();
        Payload into = null;
        if (rank == root) {
            long needed = (long) block * size;
            Checks.room(recv, needed, "recv");
            into = bytes2.set(recv, recv.position(), (int) needed);
        }
        gather(bytes.set(send, send.position(), block), into, root);
    }

    @Override
    public void barrier() {
        checkUsable();
        try {
            disseminate();
        } catch (CommunicatorException e) {
            throw fail(e);
        }
    }

    /** Dissemination barrier: after round k every rank has heard, directly or not, from 2^(k+1) ranks. */
    private void disseminate() {
        for (int distance = 1; distance < size; distance <<= 1) {
            engine.send(empty, (rank + distance) % size, BARRIER_TAG);
            engine.receive(empty, (rank - distance + size) % size, BARRIER_TAG);
        }
    }

    /** Binomial tree rooted at {@code root}: receive from the parent, then send to children, farthest first. */
    private void bcast(Payload payload, int root) {
        try {
            Checks.rank(root, size, "root");
            int virtual = (rank - root + size) % size;
            int mask = 1;
            while (mask < size) {
                if ((virtual & mask) != 0) {
                    int parent = (virtual - mask + root) % size;
                    long got = engine.receive(payload, parent, BCAST_TAG);
                    expectLength(got, payload.byteLength(), "bcast from root " + root);
                    break;
                }
                mask <<= 1;
            }
            for (mask >>= 1; mask > 0; mask >>= 1) {
                if (virtual + mask < size) {
                    engine.send(payload, (virtual + mask + root) % size, BCAST_TAG);
                }
            }
        } catch (CommunicatorException e) {
            throw fail(e);
        }
    }

    /**
     * Binomial tree towards {@code root}: a rank collects its subtree's blocks (in virtual-rank order, its own first)
     * in scratch, then sends them to its parent in one message; the root rotates them into place. Odd virtual ranks are
     * leaves and send straight from the user's buffer.
     */
    private void gather(Payload mine, Payload atRoot, int root) {
        try {
            long block = mine.byteLength();
            int virtual = (rank - root + size) % size;
            if ((virtual & 1) != 0) {
                engine.send(mine, (virtual - 1 + root) % size, GATHER_TAG);
                return;
            }
            int subtree = virtual == 0 ? size : Math.min(Integer.lowestOneBit(virtual), size - virtual);
            BufferViews collected = scratch(Math.multiplyExact(block, subtree));
            mine.copyTo(collected, 0, 0, (int) block);
            for (int mask = 1; mask < size; mask <<= 1) {
                if ((virtual & mask) == 0) {
                    int child = virtual + mask;
                    if (child < size) {
                        int blocks = Math.min(mask, size - child);
                        scratchPayload.set(collected.bytes, (int) (mask * block), (int) (blocks * block));
                        long got = engine.receive(scratchPayload, (child + root) % size, GATHER_TAG);
                        expectLength(got, blocks * block, "gather to root " + root);
                    }
                } else {
                    int held = Math.min(mask, size - virtual);
                    scratchPayload.set(collected.bytes, 0, (int) (held * block));
                    engine.send(scratchPayload, (virtual - mask + root) % size, GATHER_TAG);
                    return;
                }
            }
            // Root: virtual rank v is real rank (v + root) % size.
            int tail = size - root;
            atRoot.copyFrom(collected, 0, root * block, (int) (tail * block));
            if (root > 0) {
                atRoot.copyFrom(collected, (int) (tail * block), 0, (int) (root * block));
            }
        } catch (CommunicatorException e) {
            throw fail(e);
        }
    }

    private BufferViews scratch(long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("gather of " + bytes + " bytes per subtree is larger than 2 GiB");
        }
        if (scratch.capacity() < bytes) {
            scratch = new BufferViews(ByteBuffer.allocate((int) bytes));
        }
        return scratch;
    }

    private static void expectLength(long got, long expected, String what) {
        if (got != expected) {
            throw new CommunicatorException("shm: " + what + " delivered " + got + " bytes, expected " + expected
                    + " (do all ranks pass the same count?)");
        }
    }

    // ---- lifecycle ----

    /** Collective: waits until every rank has closed, then gives up the liveness lock. Idempotent. */
    @Override
    public void close() {
        if (!markClosed()) {
            return;
        }
        try {
            if (!isFailed()) {
                disseminate();
            }
        } finally {
            shm.close();
        }
    }
}

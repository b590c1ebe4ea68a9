package org.jmpibench.mpjexpress;

import java.nio.IntBuffer;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.jmpibench.spi.plain.DirectBuffers;
import org.jmpibench.spi.plain.PlainLoop;
import org.jmpibench.spi.plain.PlainRun;

/**
 * The yardstick for the {@code mpj-niodev} and {@code mpj-smpdev} backends: send, bcast and gather timed on MPJ
 * Express's mpiJava 1.2 API as a user would call it, with no SPI and no JMH in between. {@code jmpi-bench calibrate}
 * starts it through the same launcher (so {@link MpjRankMain} has called {@code MPI.Init}), JVM options and environment
 * as the suite's jobs and divides the suite's score by its figure.
 *
 * <p>MPJ Express takes Java arrays only. A user holding a direct buffer copies it into an array to send and out of one
 * after receiving (the root's gathered blocks too); that is what the {@code direct} variant times (the suite's adapter
 * makes the same copies). Direct buffers are allocated as the suite's are ({@link DirectBuffers}). Every rank passes a
 * gather receive array, as MPJ users do ({@code Gather} writes into it off the root too).
 *
 * <p>Usage (as the program of an MPJ Express job): {@code PlainMpj} + {@link PlainRun}'s arguments.
 */
public final class PlainMpj extends PlainLoop {

    private static final int TAG = 0;
    private static final int ROOT = 0;
    private static final int SEND = 0;
    private static final int BCAST = 1;

    private final Intracomm world;
    private final int rank;
    /** Index into {@link PlainRun#OPERATIONS}: an int switch in the timed loop, not a string one. */
    private final int operation;

    private final int size;
    private final int[] mine;
    private final int[] gathered;
    /** The user's direct buffer in the {@code direct} variant, else null. */
    private final IntBuffer direct;
    /** The root's direct buffer for the gathered blocks in the {@code direct} variant, else null. */
    private final IntBuffer gatheredDirect;

    private final int[] one = new int[1];

    private PlainMpj(Intracomm world, PlainRun run) throws MPIException {
        this.world = world;
        this.rank = world.Rank();
        this.operation = PlainRun.OPERATIONS.indexOf(run.operation());
        this.size = run.size();
        this.mine = new int[size];
        this.gathered =
                operation == SEND || operation == BCAST ? null : new int[Math.multiplyExact(size, world.Size())];
        this.direct = run.direct() ? DirectBuffers.allocate(4L * size).asIntBuffer() : null;
        this.gatheredDirect = run.direct() && gathered != null && rank == ROOT
                ? DirectBuffers.allocate(4L * gathered.length).asIntBuffer()
                : null;
    }

    public static void main(String[] args) throws MPIException {
        PlainRun run = PlainRun.parse(args);
        new PlainMpj(MPI.COMM_WORLD, run).time(run);
    }

    @Override
    protected int rank() {
        return rank;
    }

    @Override
    protected boolean inTimedLoop() {
        return operation != SEND || rank < 2;
    }

    @Override
    protected void barrier() {
        try {
            world.Barrier();
        } catch (MPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected int agree(int value) {
        try {
            one[0] = value;
            world.Bcast(one, 0, 1, MPI.INT, ROOT);
            return one[0];
        } catch (MPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void call() {
        try {
            switch (operation) {
                case SEND -> {
                    if (rank == 0) {
                        send();
                        receive(1);
                    } else {
                        receive(0);
                        send();
                    }
                }
                case BCAST -> {
                    if (direct != null && rank == ROOT) {
                        direct.get(0, mine);
                    }
                    world.Bcast(mine, 0, size, MPI.INT, ROOT);
                    if (direct != null && rank != ROOT) {
                        direct.put(0, mine);
                    }
                }
                default -> {
                    if (direct != null) {
                        direct.get(0, mine);
                    }
                    world.Gather(mine, 0, size, MPI.INT, gathered, 0, size, MPI.INT, ROOT);
                    if (gatheredDirect != null) {
                        gatheredDirect.put(0, gathered);
                    }
                }
            }
        } catch (MPIException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send() throws MPIException {
        if (direct != null) {
            direct.get(0, mine);
        }
        world.Send(mine, 0, size, MPI.INT, 1 - rank, TAG);
    }

    private void receive(int source) throws MPIException {
        world.Recv(mine, 0, size, MPI.INT, source, TAG);
        if (direct != null) {
            direct.put(0, mine);
        }
    }
}

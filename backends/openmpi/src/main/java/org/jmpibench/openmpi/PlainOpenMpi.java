package org.jmpibench.openmpi;

import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.jmpibench.spi.plain.DirectBuffers;
import org.jmpibench.spi.plain.PlainLoop;
import org.jmpibench.spi.plain.PlainRun;

/**
 * The yardstick for the {@code openmpi} backend: send, bcast and gather timed on Open MPI's Java bindings as a user
 * would call them — {@code MPI.Init}, {@code MPI.COMM_WORLD}, an {@code int[]} or a direct {@code IntBuffer} (what
 * {@code MPI.newIntBuffer} makes, but page-aligned as the suite's: {@link DirectBuffers}) with {@code MPI.INT} — with
 * no SPI and no JMH in between. {@code jmpi-bench calibrate} starts it through the same launcher, JVM options and
 * environment as the suite's jobs and divides the suite's score by its figure.
 *
 * <p>Usage (as the program of an openmpi job): {@code PlainOpenMpi} + {@link PlainRun}'s arguments.
 */
public final class PlainOpenMpi extends PlainLoop {

    private static final int TAG = 0;
    private static final int ROOT = 0;
    private static final int SEND = 0;
    private static final int BCAST = 1;

    private final Intracomm world;
    private final int rank;
    /** Index into {@link PlainRun#OPERATIONS}: an int switch in the timed loop, not a string one. */
    private final int operation;

    private final int size;
    /** {@code int[]} or direct {@code IntBuffer}: the bindings take either as {@code Object}. */
    private final Object mine;

    private final Object gathered;
    private final int[] one = new int[1];

    private PlainOpenMpi(Intracomm world, PlainRun run) throws MPIException {
        this.world = world;
        this.rank = world.getRank();
        this.operation = PlainRun.OPERATIONS.indexOf(run.operation());
        this.size = run.size();
        this.mine = buffer(run.direct(), size);
        this.gathered = run.operation().equals("gather") && rank == ROOT
                ? buffer(run.direct(), Math.multiplyExact(size, world.getSize()))
                : null;
    }

    public static void main(String[] args) throws MPIException {
        PlainRun run = PlainRun.parse(args);
        MPI.Init(args);
        new PlainOpenMpi(MPI.COMM_WORLD, run).time(run);
        MPI.Finalize();
    }

    /** An {@code int[]}, or a direct {@code IntBuffer} allocated as the suite's workloads allocate theirs. */
    private static Object buffer(boolean direct, int ints) {
        if (direct) {
            return DirectBuffers.allocate(4L * ints).asIntBuffer();
        }
        return new int[ints];
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
            world.barrier();
        } catch (MPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected int agree(int value) {
        try {
            one[0] = value;
            world.bcast(one, 1, MPI.INT, ROOT);
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
                        world.send(mine, size, MPI.INT, 1, TAG);
                        world.recv(mine, size, MPI.INT, 1, TAG);
                    } else {
                        world.recv(mine, size, MPI.INT, 0, TAG);
                        world.send(mine, size, MPI.INT, 0, TAG);
                    }
                }
                case BCAST -> world.bcast(mine, size, MPI.INT, ROOT);
                default -> world.gather(mine, size, MPI.INT, gathered, size, MPI.INT, ROOT);
            }
        } catch (MPIException e) {
            throw new IllegalStateException(e);
        }
    }
}

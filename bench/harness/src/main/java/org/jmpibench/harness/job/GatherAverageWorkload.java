package org.jmpibench.harness.job;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;

/**
 * The seed's gather_reduce_broadcast: every rank's {@code size} ints are gathered to the root (rank 0 in the seed),
 * which averages them element-wise as doubles and broadcasts the {@code size} doubles back. (The seed declared its
 * float64 data as MPI.FLOAT; here the average is sent as doubles.) One operation = gather + average + bcast, and
 * nothing else: the gather is {@link GatherWorkload}'s, the average {@link BlockAverage}, the bcast the same call as
 * {@link BcastWorkload}'s on twice as many ints' bytes; {@link #runPhases} times the three apart. With a rotating root
 * the three phases of one operation share its root.
 */
final class GatherAverageWorkload extends Workload {

    /** Indexes of {@link #runPhases}'s times, in {@link Operation#phases()}'s order. */
    static final int GATHER = 0;

    static final int AVERAGE = 1;
    static final int BCAST = 2;

    private final GatherWorkload gather;
    private final BlockAverage averager;
    private final double[] average;
    private final ByteBuffer averageBytes;
    /** Created once over {@link #averageBytes}: bulk writes of the average, element reads in validation. */
    private final DoubleBuffer averageView;

    GatherAverageWorkload(Communicator comm, int size, String backend, BufferKind buffer, Roots roots) {
        super(comm, size, backend, Operation.GATHER_AVERAGE, buffer);
        boolean array = buffer == BufferKind.ARRAY;
        this.gather = new GatherWorkload(comm, size, backend, buffer, roots, Operation.GATHER_AVERAGE);
        this.averager = roots.mayBe(comm.rank()) ? new BlockAverage(gather.np(), size, !array) : null;
        this.average = array ? new double[size] : null;
        this.averageBytes = array ? null : direct(8L * size, where);
        this.averageView = array ? null : averageBytes.asDoubleBuffer();
    }

    @Override
    void run() {
        runAt(gather.roots().next());
    }

    private void runAt(int root) {
        gather.runAt(root);
        if (comm.rank() == root) {
            averageGathered();
        }
        bcastAverage(root);
    }

    /**
     * One operation, exactly as {@link #run()}, with rank 0's time in each phase added to {@code ns} ({@link #GATHER},
     * {@link #AVERAGE}, {@link #BCAST}): for the loop after each measurement iteration, never for JMH's timed one (four
     * clock reads per operation would be timed with it).
     */
    @Override
    void runPhases(long[] ns) {
        int root = gather.roots().next();
        long start = System.nanoTime();
        gather.runAt(root);
        long gathered = System.nanoTime();
        if (comm.rank() == root) {
            averageGathered();
        }
        long averaged = System.nanoTime();
        bcastAverage(root);
        long end = System.nanoTime();
        ns[GATHER] += gathered - start;
        ns[AVERAGE] += averaged - gathered;
        ns[BCAST] += end - averaged;
    }

    private void averageGathered() {
        if (average != null) {
            averager.average(gather.gatheredArray(), average);
        } else {
            averager.average(gather.gatheredDirect(), averageView);
        }
    }

    private void bcastAverage(int root) {
        if (average != null) {
            comm.bcast(average, 0, size, root);
        } else {
            comm.bcast(averageBytes, root);
        }
    }

    @Override
    void validate(int seq) {
        DoubleBuffer avgView = average != null ? DoubleBuffer.wrap(average) : averageView;
        for (int i = 0; i < size; i++) {
            avgView.put(i, Double.NaN);
        }
        int root = gather.roots().next();
        gather.fill(seq, root);
        runAt(root);
        gather.check(seq, root);
        for (int i = 0; i < size; i++) {
            expectDouble("average", i, avgView.get(i), DataPattern.average(seq, gather.np(), i));
        }
    }
}

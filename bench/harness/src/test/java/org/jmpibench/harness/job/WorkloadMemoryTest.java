package org.jmpibench.harness.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Root;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link WorkloadMemory} says what the workloads' constructors allocate: each rank's heap allocation while it makes its
 * {@code array} workload (HotSpot counts every thread's allocated bytes) is the plan's figure, give or take the
 * workload's small objects.
 */
class WorkloadMemoryTest {

    private static final int SIZE = 64 << 10;
    /** The workload's own objects, views, request arrays and chunk arrays: far below one message of 256 KiB. */
    private static final long SMALL_BYTES = 32 << 10;

    static Stream<Arguments> everyOperationAndRoot() {
        List<Arguments> cases = new ArrayList<>();
        for (Operation op : Operation.values()) {
            for (int root : op.rooted() ? List.of(0, 2, Root.ROTATING) : List.of(0)) {
                cases.add(Arguments.of(op, root));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} root={1}")
    @MethodSource("everyOperationAndRoot")
    void theMemoryPlanIsWhatEachRankAllocates(Operation op, int root) throws Exception {
        int np = 3;
        int size = op.sizeLess() ? Operation.NO_SIZE : SIZE;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AtomicLongArray allocated = new AtomicLongArray(np);

        ThreadJob.run(np, comm -> {
            // The first one also loads and links classes, which allocates too.
            Workload.create(op, BufferKind.ARRAY, comm, size, "thread-job", root);
            long before = threads.getCurrentThreadAllocatedBytes();
            Workload.create(op, BufferKind.ARRAY, comm, size, "thread-job", root);
            allocated.set(comm.rank(), threads.getCurrentThreadAllocatedBytes() - before);
        });

        for (int rank = 0; rank < np; rank++) {
            long planned = WorkloadMemory.rankBytes(op, size, np, rank, root);
            assertThat(allocated.get(rank))
                    .as(op.cliName() + " rank " + rank)
                    .isBetween(planned, planned + SMALL_BYTES);
        }
    }
}

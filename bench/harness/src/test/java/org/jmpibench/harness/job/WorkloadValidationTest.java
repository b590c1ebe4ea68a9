package org.jmpibench.harness.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Root;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workload on ranks that are threads ({@link ThreadJob}): validation passes between timed calls, on every rank,
 * whatever the root; and a result corrupted on one rank is caught there, naming the rank.
 */
class WorkloadValidationTest {

    private static final String BACKEND = "thread-job";

    static Stream<Arguments> everyOperationBufferRanksAndRoot() {
        List<Arguments> cases = new ArrayList<>();
        for (Operation op : Operation.values()) {
            for (BufferKind buffer : BufferKind.values()) {
                for (int np = 2; np <= 4; np++) {
                    List<Integer> roots = op.rooted() ? List.of(0, np - 1, Root.ROTATING) : List.of(0);
                    for (int root : roots) {
                        // 1 element, and a size that is odd and past one chunk of the averages.
                        List<Integer> sizes =
                                op.sizeLess() ? List.of(Operation.NO_SIZE) : List.of(1, BlockAverage.CHUNK + 3);
                        for (int size : sizes) {
                            cases.add(Arguments.of(op, buffer, np, root, size));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} np={2} root={3} size={4}")
    @MethodSource("everyOperationBufferRanksAndRoot")
    void validationPassesBeforeAndAfterTimedCalls(Operation op, BufferKind buffer, int np, int root, int size)
            throws Exception {
        ThreadJob.run(np, comm -> {
            Workload workload = Workload.create(op, buffer, comm, size, BACKEND, root);
            for (int seq = 1; seq <= 3; seq++) {
                workload.validate(seq);
                // An odd number of timed calls, so that a rotating root starts the next round elsewhere.
                for (int i = 0; i < 3; i++) {
                    workload.run();
                }
            }
        });
    }

    /** Operations that move data into rank 1 (send is covered by a whole run: its partner would wait in vain). */
    static Stream<Arguments> dataOperationsAndBuffers() {
        List<Arguments> cases = new ArrayList<>();
        for (Operation op : Operation.values()) {
            if (op != Operation.SEND && !op.sizeLess()) {
                for (BufferKind buffer : BufferKind.values()) {
                    cases.add(Arguments.of(op, buffer));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dataOperationsAndBuffers")
    void aResultCorruptedOnOneRankIsCaughtThere(Operation op, BufferKind buffer) throws Exception {
        int faulty = 1;
        // Rank 1 must receive: the root of a bcast does not, the root of a gather or reduce is the only one that does.
        int root = op == Operation.BCAST ? 0 : faulty;

        List<Throwable> outcomes = ThreadJob.run(
                3,
                comm -> comm.rank() == faulty ? new FaultyCommunicator(comm, FaultyCommunicator.Fault.CORRUPT) : comm,
                comm -> Workload.create(op, buffer, comm, 5, BACKEND, root).validate(1));

        assertThat(outcomes.get(faulty))
                .as(op.cliName() + " on the corrupted rank")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backend " + BACKEND + " rank " + faulty + ": " + op.cliName())
                .hasMessageContaining("wrong data");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rootedOperations")
    void aRootOutsideTheJobIsRefusedBeforeAnyBufferIsMade(Operation op) throws Exception {
        List<Throwable> outcomes =
                ThreadJob.run(2, comm -> comm, comm -> Workload.create(op, BufferKind.ARRAY, comm, 1, BACKEND, 2));

        assertThat(outcomes)
                .allSatisfy(failure -> assertThat(failure)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("root 2 is not a rank of a job of 2 ranks"));
    }

    static Stream<Operation> rootedOperations() {
        return Stream.of(Operation.values()).filter(Operation::rooted);
    }
}

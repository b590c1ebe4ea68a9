package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Binomial bcast and gather at a rank count that is not a power of two (subtrees of every shape, runs of ranks that
 * wrap past the last rank), from every root, with heap buffers, which the conformance suite leaves out.
 */
class CollectivesTest {

    private static final int NP = 5;

    @Test
    void gatherAndBcastFromEveryRootAtFiveRanks() throws Exception {
        try (InProcessJob job = new InProcessJob(NP, LoopbackConfig.defaults())) {
            List<String> failures = job.run(comm -> {
                StringBuilder failed = new StringBuilder();
                int rank = comm.rank();
                for (int root = 0; root < NP; root++) {
                    for (int count : new int[] {0, 1, 3, 20_000}) {
                        int[] mine = new int[count + 1];
                        for (int i = 0; i < count; i++) {
                            mine[i + 1] = value(rank, root, i);
                        }
                        int[] all = rank == root ? new int[2 + NP * count] : null;
                        comm.gather(mine, 1, count, all, 2, root);
                        if (rank == root) {
                            for (int r = 0; r < NP; r++) {
                                for (int i = 0; i < count; i++) {
                                    if (all[2 + r * count + i] != value(r, root, i)) {
                                        failed.append("gather root ")
                                                .append(root)
                                                .append(" count ")
                                                .append(count)
                                                .append(" rank ")
                                                .append(r)
                                                .append(" element ")
                                                .append(i)
                                                .append('\n');
                                        break;
                                    }
                                }
                            }
                        }
                        ByteBuffer heap = ByteBuffer.allocate(4 * count + 8).order(ByteOrder.nativeOrder());
                        heap.position(8);
                        if (rank == root) {
                            for (int i = 0; i < count; i++) {
                                heap.putInt(8 + 4 * i, value(root, root, i));
                            }
                        }
                        comm.bcast(heap, root);
                        if (heap.position() != 8) {
                            failed.append("bcast moved the position\n");
                        }
                        for (int i = 0; i < count; i++) {
                            if (heap.getInt(8 + 4 * i) != value(root, root, i)) {
                                failed.append("bcast root ")
                                        .append(root)
                                        .append(" count ")
                                        .append(count)
                                        .append(" at rank ")
                                        .append(rank)
                                        .append(" element ")
                                        .append(i)
                                        .append('\n');
                                break;
                            }
                        }
                    }
                }
                ByteBuffer send = ByteBuffer.allocate(6);
                for (int i = 0; i < 6; i++) {
                    send.put(i, (byte) (rank * 10 + i));
                }
                ByteBuffer recv = rank == 3 ? ByteBuffer.allocate(1 + 6 * NP).position(1) : null;
                comm.gather(send, recv, 3);
                if (rank == 3) {
                    for (int r = 0; r < NP; r++) {
                        for (int i = 0; i < 6; i++) {
                            if (recv.get(1 + 6 * r + i) != (byte) (r * 10 + i)) {
                                failed.append("heap byte gather, rank ")
                                        .append(r)
                                        .append(" byte ")
                                        .append(i)
                                        .append('\n');
                            }
                        }
                    }
                }
                return failed.toString();
            });
            assertThat(failures).containsOnly("");
        }
    }

    private static int value(int rank, int root, int index) {
        return rank * 1_000_003 + root * 7919 + index;
    }
}

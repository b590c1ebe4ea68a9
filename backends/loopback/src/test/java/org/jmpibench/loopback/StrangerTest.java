package org.jmpibench.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Connections from strangers (silent, garbage, wrong token, absurd sizes) to the rendezvous and to every rank's
 * listening port, made before the real ranks arrive: they are dropped, told nothing, and the job completes with the
 * right data. Ranks are threads here so the test can reach the listeners' ports.
 */
class StrangerTest {

    private static final LoopbackConfig CONFIG = LoopbackConfig.defaults().withTimeouts(1000, 60_000);

    @Test
    void strangersAreDroppedAndTheJobCompletes() throws Exception {
        int np = 3;
        try (InProcessJob job = new InProcessJob(np, CONFIG);
                Strangers strangers = new Strangers()) {
            int rendezvous = job.rendezvous.port();
            Socket silentAtRendezvous = strangers.silent(rendezvous);
            Socket garbageAtRendezvous = strangers.garbage(rendezvous);
            Socket impostorAtRendezvous = strangers.wrongTokenRegistration(rendezvous, 0);
            strangers.hugeToken(rendezvous, true);
            strangers.connectAndLeave(rendezvous);
            List<Socket> impostorsAtRanks = new ArrayList<>();
            List<Socket> silentAtRanks = new ArrayList<>();
            for (int r = 0; r < np; r++) {
                int port = job.listeners[r].port();
                silentAtRanks.add(strangers.silent(port));
                strangers.garbage(port);
                impostorsAtRanks.add(strangers.wrongTokenHello(port, np - 1));
                strangers.hugeToken(port, false);
                strangers.connectAndLeave(port);
            }

            List<int[]> gathered = job.run(comm -> {
                int[] mine = {comm.rank() * 10, comm.rank() * 10 + 1};
                int[] all = new int[2 * np];
                comm.gather(mine, 0, 2, all, 0, 1);
                comm.bcast(all, 0, all.length, 1);
                return all;
            });

            for (int[] all : gathered) {
                assertThat(all).containsExactly(0, 1, 10, 11, 20, 21);
            }
            assertThat(Strangers.closedWithoutAnswer(impostorAtRendezvous))
                    .as("impostor at the rendezvous")
                    .isTrue();
            assertThat(Strangers.closedWithoutAnswer(garbageAtRendezvous))
                    .as("garbage at the rendezvous")
                    .isTrue();
            assertThat(Strangers.closedWithoutAnswer(silentAtRendezvous))
                    .as("silent at the rendezvous")
                    .isTrue();
            for (int r = 0; r < np; r++) {
                assertThat(Strangers.closedWithoutAnswer(impostorsAtRanks.get(r)))
                        .as("impostor at rank %d", r)
                        .isTrue();
                assertThat(Strangers.closedWithoutAnswer(silentAtRanks.get(r)))
                        .as("silent at rank %d", r)
                        .isTrue();
            }
            // Silent, garbage, impostor, huge token, connect-and-leave: five refusals at each place.
            assertThat(eventually(job.rendezvous::refusedCount, 5))
                    .as("refused at the rendezvous")
                    .isEqualTo(5);
            for (int r = 0; r < np; r++) {
                assertThat(eventually(job.listeners[r]::refusedCount, 5))
                        .as("refused at rank %d", r)
                        .isEqualTo(5);
            }
        }
    }

    /**
     * The flood: 200 silent connections and 200 that come and go, at the rendezvous and at every rank's port,
     * before the ranks arrive. No cap turns the ranks away and the job completes.
     */
    @Test
    void aFloodOfConnectionsDoesNotLockTheRanksOut() throws Exception {
        int np = 3;
        // Strangers may hold on for longer than the whole job takes: they must not matter even then.
        try (InProcessJob job = new InProcessJob(np, LoopbackConfig.defaults().withTimeouts(30_000, 60_000));
                Strangers strangers = new Strangers()) {
            strangers.flood(job.rendezvous.port(), 200);
            for (int r = 0; r < np; r++) {
                strangers.flood(job.listeners[r].port(), 200);
            }
            List<Integer> sums = job.run(comm -> {
                int[] all = new int[np];
                comm.gather(new int[] {comm.rank() + 1}, 0, 1, all, 0, 0);
                comm.bcast(all, 0, np, 0);
                return all[0] + all[1] + all[2];
            });
            assertThat(sums).containsOnly(6);
        }
    }

    /** Waits (boundedly) for a counter that handler threads update to reach {@code expected}. */
    private static int eventually(IntSupplier counter, int expected) throws InterruptedException {
        for (int i = 0; i < 300 && counter.getAsInt() < expected; i++) {
            Thread.sleep(50);
        }
        return counter.getAsInt();
    }
}

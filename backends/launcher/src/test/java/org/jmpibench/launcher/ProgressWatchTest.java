package org.jmpibench.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmpibench.spi.progress.Call;
import org.jmpibench.spi.progress.ProgressBoard;
import org.jmpibench.spi.progress.ProgressBoardDescriptor;
import org.jmpibench.spi.progress.RankProgress;
import org.junit.jupiter.api.Test;

/** The launcher's side of the board: the file's life, and the failure line it turns a snapshot into. */
class ProgressWatchTest {

    @Test
    void theBoardIsPassedToRanksReadWhenTheJobFailsAndDeletedAfter() throws IOException {
        Path file;
        try (ProgressWatch watch = ProgressWatch.open(JobIds.create(), 2, RankHosts.none())) {
            file = watch.file();
            assertThat(watch.env()).containsEntry(ProgressBoardDescriptor.PATH_ENV, file.toString());
            RankProgress rank0 = ProgressBoard.open(file).join(0);
            RankProgress rank1 = ProgressBoard.open(file).join(1);
            rank0.step("WARMUP iteration 1");
            rank1.step("command 2 VALIDATE");
            for (RankProgress rank : List.of(rank0, rank1)) {
                rank.enter(Call.BCAST, 0);
                rank.leave();
            }
            rank0.enter(Call.GATHER, 0);

            String line = watch.snapshot()
                    .explain(
                            "rank 0 exited with status 3: watchdog",
                            List.of(RankEnd.exited(3), RankEnd.running()),
                            0,
                            rank -> "");
            assertThat(line)
                    .startsWith("rank 1 stopped making progress in 'command 2 VALIDATE'; rank 0 waited for it")
                    .endsWith(" s (rank 0 exited with status 3: watchdog)");
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aRankThatSaysItCouldNotMapTheBoardIsNeverBlamedForItsEmptySlot() throws IOException {
        try (ProgressWatch watch = ProgressWatch.open(JobIds.create(), 2, RankHosts.of(List.of("h1", "h2")))) {
            RankProgress rank0 = ProgressBoard.open(watch.file()).join(0);
            rank0.enter(Call.BARRIER, ProgressBoardDescriptor.ANY_PEER);
            List<RankEnd> ends = List.of(RankEnd.exited(3), RankEnd.running());
            assertThat(watch.snapshot().explain("rank 0 exited with status 3", ends, 0, rank -> ""))
                    .as("rank 1 never joined, as far as the board shows")
                    .startsWith("rank 1 on host h2 stopped making progress before it joined the job");

            watch.rankSaid(1, "jmpi-bench rank 1: " + ProgressBoardDescriptor.UNUSED_NOTICE + ": no such file");
            assertThat(watch.snapshot().explain("rank 0 exited with status 3", ends, 0, rank -> ""))
                    .isEqualTo("rank 0 exited with status 3");
        }
    }

    @Test
    void whatTheLauncherNoticedStandsAloneWhenTheBoardNamesNobodyElse() {
        try (ProgressWatch watch = ProgressWatch.open(JobIds.create(), 2, RankHosts.none())) {
            assertThat(watch.snapshot()
                            .explain(
                                    "rank 1 exited with status 3",
                                    List.of(RankEnd.running(), RankEnd.exited(3)),
                                    1,
                                    rank -> ""))
                    .isEqualTo("rank 1 exited with status 3");
        }
    }

    @Test
    void theBoardOfALauncherThatDiedIsRemovedByTheNextJob() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        String deadLaunchersJob = Long.toHexString(finished.pid()) + "-0a1b2c";
        Path stale;
        try (ProgressWatch earlier = ProgressWatch.open(deadLaunchersJob, 1, RankHosts.none())) {
            stale = earlier.file();
            // As if its launcher had been killed before it could clean up: a copy survives the close below.
            Files.copy(stale, stale.resolveSibling(stale.getFileName() + "-copy"));
        }
        Path copy = stale.resolveSibling(stale.getFileName() + "-copy");
        try (ProgressWatch next = ProgressWatch.open(JobIds.create(), 1, RankHosts.none())) {
            assertThat(copy).as("board of a launcher that is gone").doesNotExist();
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}

package org.jmpibench.spi.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a rank writes on the board is what the launcher reads, through a second mapping of the file. */
class ProgressBoardTest {

    @TempDir
    Path dir;

    @Test
    void aRankThatNeverJoinedShowsNothing() throws IOException {
        ProgressBoard board = ProgressBoard.create(dir.resolve("board"), 3);
        RankSnapshot slot = board.read(2);
        assertThat(slot.joined()).isFalse();
        assertThat(slot.inCall()).isFalse();
        assertThat(slot.collectives()).isZero();
        assertThat(slot.step()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("board"))))
                .isEqualTo("rw-------");
    }

    @Test
    void callsCollectivesAndStepsAreSeenThroughAnotherMapping() throws IOException {
        Path file = dir.resolve("board");
        ProgressBoard launcher = ProgressBoard.create(file, 4);
        RankProgress rank2 = ProgressBoard.open(file).join(2);
        rank2.step("WARMUP iteration 1");

        rank2.enter(Call.BCAST, 0);
        rank2.leave();
        rank2.enter(Call.RECV, 3);
        RankSnapshot inRecv = launcher.read(2);
        assertThat(inRecv.joined()).isTrue();
        assertThat(inRecv.call()).isEqualTo(Call.RECV);
        assertThat(inRecv.peer()).isEqualTo(3);
        assertThat(inRecv.collectives()).isEqualTo(1);
        assertThat(inRecv.step()).isEqualTo("WARMUP iteration 1");

        rank2.leave();
        rank2.enter(Call.BARRIER, ProgressBoardDescriptor.ANY_PEER);
        RankSnapshot inBarrier = launcher.read(2);
        assertThat(inBarrier.call()).isEqualTo(Call.BARRIER);
        assertThat(inBarrier.peer()).isEqualTo(ProgressBoardDescriptor.ANY_PEER);
        assertThat(inBarrier.collectives()).isEqualTo(2);
        assertThat(inBarrier.callWord()).as("a new call has a new word").isNotEqualTo(inRecv.callWord());
        assertThat(launcher.read(1).joined()).as("other slots untouched").isFalse();
    }

    @Test
    void stepsAreAsciiAndCutToTheSlot() throws IOException {
        Path file = dir.resolve("board");
        ProgressBoard launcher = ProgressBoard.create(file, 1);
        RankProgress rank0 = ProgressBoard.open(file).join(0);
        rank0.step("a long step ".repeat(40));
        assertThat(launcher.read(0).step()).hasSize(ProgressBoardDescriptor.MAX_STEP_BYTES).startsWith("a long step");
        rank0.step("größe\t1");
        assertThat(launcher.read(0).step()).isEqualTo("gr??e?1");
    }

    @Test
    void theLastRankToJoinDeletesTheFileAndEveryMappingStaysValid() throws IOException {
        Path file = dir.resolve("board");
        ProgressBoard launcher = ProgressBoard.create(file, 2);
        RankProgress rank0 = ProgressBoard.open(file).join(0);
        assertThat(file).as("one rank still to come").exists();
        RankProgress rank1 = ProgressBoard.open(file).join(1);
        assertThat(file).as("every rank has it mapped").doesNotExist();
        rank0.enter(Call.SEND, 1);
        rank1.step("still written");
        assertThat(launcher.read(0).call()).isEqualTo(Call.SEND);
        assertThat(launcher.read(1).step()).isEqualTo("still written");
    }

    @Test
    void aFileThatIsNotABoardIsRefused() throws IOException {
        Path file = Files.write(dir.resolve("other"), new byte[ProgressBoardDescriptor.HEADER_BYTES + 256]);
        assertThatThrownBy(() -> ProgressBoard.open(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not one");
    }

    @Test
    void theDecoratorRecordsEachCallAndKeepsTheOneThatThrew() throws IOException {
        Path file = dir.resolve("board");
        ProgressBoard launcher = ProgressBoard.create(file, 2);
        Communicator comm = new ProgressCommunicator(new FailingRecv(), ProgressBoard.open(file).join(1));

        comm.bcast(new int[1], 0, 1, 0);
        comm.gather(ByteBuffer.allocate(4), null, 0);
        assertThat(launcher.read(1).inCall()).isFalse();
        assertThat(launcher.read(1).collectives()).isEqualTo(2);
        assertThatThrownBy(() -> comm.recv(new int[1], 0, 1, 0, 5)).isInstanceOf(CommunicatorException.class);
        RankSnapshot slot = launcher.read(1);
        assertThat(slot.call()).as("the call it failed in").isEqualTo(Call.RECV);
        assertThat(slot.peer()).isZero();
    }

    /** Rank 1 of 2: collectives return, a recv fails as when the peer died. */
    private static final class FailingRecv implements Communicator {
        @Override
        public int rank() {
            return 1;
        }

        @Override
        public int size() {
            return 2;
        }

        @Override
        public void send(int[] buf, int offset, int count, int dest, int tag) {
        }

        @Override
        public void send(double[] buf, int offset, int count, int dest, int tag) {
        }

        @Override
        public void send(ByteBuffer buf, int dest, int tag) {
        }

        @Override
        public int recv(int[] buf, int offset, int count, int source, int tag) {
            throw new CommunicatorException("rank " + source + " died");
        }

        @Override
        public int recv(double[] buf, int offset, int count, int source, int tag) {
            return 0;
        }

        @Override
        public int recv(ByteBuffer buf, int source, int tag) {
            return 0;
        }

        @Override
        public void bcast(int[] buf, int offset, int count, int root) {
        }

        @Override
        public void bcast(double[] buf, int offset, int count, int root) {
        }

        @Override
        public void bcast(ByteBuffer buf, int root) {
        }

        @Override
        public void gather(int[] send, int sendOffset, int count, int[] recv, int recvOffset, int root) {
        }

        @Override
        public void gather(double[] send, int sendOffset, int count, double[] recv, int recvOffset, int root) {
        }

        @Override
        public void gather(ByteBuffer send, ByteBuffer recv, int root) {
        }

        @Override
        public void barrier() {
        }

        @Override
        public void close() {
        }
    }
}

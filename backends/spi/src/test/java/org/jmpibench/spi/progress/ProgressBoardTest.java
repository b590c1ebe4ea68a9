package org.jmpibench.spi.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jmpibench.spi.progress.ProgressBoardDescriptor.ANY_PEER;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.CommunicatorException;
import org.jmpibench.spi.DataType;
import org.jmpibench.spi.ReduceOp;
import org.jmpibench.spi.Request;
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
        assertThat(launcher.read(0).step())
                .hasSize(ProgressBoardDescriptor.MAX_STEP_BYTES)
                .startsWith("a long step");
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
        assertThatThrownBy(() -> ProgressBoard.open(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is not one");
    }

    @Test
    void theDecoratorRecordsEachCallAndKeepsTheOneThatThrew() throws IOException {
        Path file = dir.resolve("board");
        ProgressBoard launcher = ProgressBoard.create(file, 2);
        Communicator failingRecv = backend((method, args) -> {
            if (method.getName().equals("recv")) {
                throw new CommunicatorException("rank " + args[3] + " died");
            }
            return null;
        });
        Communicator comm =
                new ProgressCommunicator(failingRecv, ProgressBoard.open(file).join(1));

        comm.bcast(new int[1], 0, 1, 0);
        comm.gather(ByteBuffer.allocate(4), null, 0);
        assertThat(launcher.read(1).inCall()).isFalse();
        assertThat(launcher.read(1).collectives()).isEqualTo(2);
        assertThatThrownBy(() -> comm.recv(new int[1], 0, 1, 0, 5)).isInstanceOf(CommunicatorException.class);
        RankSnapshot slot = launcher.read(1);
        assertThat(slot.call()).as("the call it failed in").isEqualTo(Call.RECV);
        assertThat(slot.peer()).isZero();
    }

    /**
     * Every method of the SPI goes through the board: while the backend runs it, the board shows its call with the peer
     * or root (2 here) or, for collectives without one, every rank; after it, no call. Requests are waited for and
     * tested as waits on their peer, and the backend's waitAll gets the backend's own requests.
     */
    @Test
    void everyCallOfTheSpiIsRecordedWhileTheBackendRunsIt() throws IOException {
        Path file = dir.resolve("board");
        ProgressBoard launcher = ProgressBoard.create(file, 4);
        List<String> seen = new ArrayList<>();
        List<Request> backendRequests = new ArrayList<>();
        Communicator backend = backend((method, args) -> {
            RankSnapshot slot = launcher.read(1);
            seen.add(method.getName() + " " + slot.call() + " " + slot.peer());
            if (method.getName().equals("waitAll")) {
                List<Request> given = Arrays.asList((Request[]) args[0]).subList(0, (int) args[1]);
                assertThat(given).as("the backend's own requests").containsExactlyElementsOf(backendRequests);
            }
            if (method.getReturnType() == Request.class) {
                Request request = request(launcher, seen);
                backendRequests.add(request);
                return request;
            }
            return null;
        });
        Communicator comm =
                new ProgressCommunicator(backend, ProgressBoard.open(file).join(1));
        int collectives = 0;
        List<Request> requests = new ArrayList<>();
        for (Method method : Communicator.class.getMethods()) {
            if (method.getName().equals("rank")
                    || method.getName().equals("size")
                    || method.getName().equals("waitAll")
                    || method.getName().equals("close")) {
                continue;
            }
            seen.clear();
            Object result = invoke(comm, method);
            Call call =
                    Call.valueOf(method.getName().replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT));
            boolean hasPeer = !call.collective() || call.rooted();
            assertThat(seen)
                    .as(method.toString())
                    .containsExactly(method.getName() + " " + call + " " + (hasPeer ? 2 : ANY_PEER));
            assertThat(launcher.read(1).inCall()).as("returned from %s", method).isFalse();
            collectives += call.collective() ? 1 : 0;
            if (result instanceof Request request) {
                requests.add(request);
            }
        }
        assertThat(requests).as("isend and irecv, of each kind of buffer").hasSize(6);

        seen.clear();
        assertThat(requests.get(0).test()).isFalse();
        assertThat(launcher.read(1).call()).as("a pending request tested").isEqualTo(Call.TEST);
        requests.get(1).await();
        assertThat(seen).containsExactly("test TEST 2", "await WAIT 2");
        backendRequests.remove(1);
        seen.clear();
        Request[] rest = requests.stream().filter(r -> r != requests.get(1)).toArray(Request[]::new);
        comm.waitAll(rest, rest.length);
        assertThat(seen).containsExactly("waitAll WAIT_ALL 2");
        comm.close();
        assertThat(launcher.read(1).collectives()).isEqualTo(collectives + 1);
        assertThat(launcher.read(1).inCall()).isFalse();
    }

    /** A request of the backend that notes what the board shows while it is waited for or tested. */
    private static Request request(ProgressBoard launcher, List<String> seen) {
        return (Request) Proxy.newProxyInstance(
                Request.class.getClassLoader(),
                new Class<?>[] {Request.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "await", "test" -> {
                        RankSnapshot slot = launcher.read(1);
                        seen.add(method.getName() + " " + slot.call() + " " + slot.peer());
                        yield method.getName().equals("await") ? (Object) 0 : false;
                    }
                    default -> identity(proxy, method, args);
                });
    }

    /** Calls {@code method} with 2 for every int (count, peer, root, tag) and fitting buffers. */
    private static Object invoke(Communicator comm, Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            args[i] = type == int.class
                    ? (Object) 2
                    : type == int[].class
                            ? new int[8]
                            : type == double[].class
                                    ? new double[8]
                                    : type == ByteBuffer.class
                                            ? ByteBuffer.allocate(8)
                                            : type == DataType.class
                                                    ? DataType.values()[0]
                                                    : type == ReduceOp.class ? ReduceOp.values()[0] : null;
        }
        try {
            return method.invoke(comm, args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(method + " failed", e);
        }
    }

    /** A rank-1-of-4 backend whose every call (but rank and size) goes to {@code calls}. */
    private static Communicator backend(BackendCall calls) {
        return (Communicator) Proxy.newProxyInstance(
                Communicator.class.getClassLoader(),
                new Class<?>[] {Communicator.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "rank" -> 1;
                    case "size" -> 4;
                    case "equals", "hashCode", "toString" -> identity(proxy, method, args);
                    default -> {
                        Object result = calls.call(method, args);
                        yield result == null && method.getReturnType() == int.class ? 0 : result;
                    }
                });
    }

    /** Object's methods of a proxy, by identity. */
    private static Object identity(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "proxy@" + Integer.toHexString(System.identityHashCode(proxy));
        };
    }

    private interface BackendCall {
        Object call(Method method, Object[] args);
    }
}

package org.jmpibench.harness.job;

import org.jmpibench.results.Operation;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * What ranks 1..N-1 run: receive a {@link Command} from rank 0 (bcast), do exactly that, repeat until STOP. Each
 * command is watched by the {@link Watchdog}; any failure halts this rank with a message naming backend and rank
 * ({@link RankFailure}), which fails the job.
 */
public final class Follower {

    /** The one follower a ping-pong talks to. */
    static final int PARTNER = 1;
    /** Tag of point-to-point commands and reports (ping-pong data uses {@link Workload#DATA_TAG}). */
    static final int CONTROL_TAG = 3;

    private final Communicator comm;
    private final String backend;
    private final Watchdog watchdog;
    private final long watchdogSeconds = Watchdog.timeoutSeconds();
    private final int[] wire = new int[Command.LENGTH];
    private final double[] report = new double[BatchReport.LENGTH];
    private Workload workload;
    private final BatchReport mine = new BatchReport();

    private Follower(Communicator comm, String backend, Watchdog watchdog) {
        this.comm = comm;
        this.backend = backend;
        this.watchdog = watchdog;
    }

    public static void main(String[] args) {
        String backend = "?";
        String rank = System.getenv().getOrDefault("JMPI_RANK", "?");
        Watchdog watchdog = null;
        try {
            backend = Job.backendName();
            watchdog = new Watchdog("backend " + backend + " rank " + rank);
            watchdog.arm("joining the job", Watchdog.timeoutSeconds());
            Communicator comm = Job.communicator();
            watchdog.disarm();
            rank = Integer.toString(comm.rank());
            new Follower(comm, backend, watchdog).serve();
        } catch (Throwable t) {
            throw RankFailure.halt("backend " + backend + " rank " + rank + " (follower)", t);
        }
    }

    /**
     * The collective command loop. For a pair operation (send), SETUP hands rank 1 over to {@link #servePartner}
     * (commands by point-to-point message from rank 0) and parks ranks 2.. in the bcast of the final STOP, so that
     * batches never wake them.
     */
    private void serve() {
        int lastSeq = 0;
        while (true) {
            watchdog.arm("waiting for a command from rank 0 after command " + lastSeq, watchdogSeconds);
            comm.bcast(wire, 0, Command.LENGTH, 0);
            Command command = Command.readFrom(wire);
            // Ranks that sat out a ping-pong's point-to-point commands see a gap, never a step back.
            if (command.seq() <= lastSeq) {
                throw new IllegalStateException(
                        "out of step: command " + command.seq() + " from rank 0 after " + lastSeq);
            }
            lastSeq = command.seq();
            if (command.kind() == Command.Kind.STOP) {
                leave();
                return;
            }
            execute(command);
            if (command.kind() == Command.Kind.SETUP && command.operation().shape() == Operation.Shape.PAIR) {
                if (comm.rank() == PARTNER) {
                    lastSeq = servePartner(lastSeq);
                } else {
                    // Idle for the whole job: rank 0's watchdog and the launcher's limit cover this wait.
                    watchdog.disarm();
                }
            }
        }
    }

    /** Rank 1 of a ping-pong: commands by point-to-point message until rank 0's STOP. */
    private int servePartner(int lastSeq) {
        int expectedSeq = lastSeq + 1;
        while (true) {
            watchdog.arm("waiting for command " + expectedSeq + " from rank 0", watchdogSeconds);
            comm.recv(wire, 0, Command.LENGTH, 0, CONTROL_TAG);
            Command command = Command.readFrom(wire);
            if (command.seq() != expectedSeq) {
                throw new IllegalStateException(
                        "out of step: command " + command.seq() + " from rank 0, expected " + expectedSeq);
            }
            expectedSeq++;
            if (command.kind() == Command.Kind.STOP) {
                return command.seq();
            }
            execute(command);
        }
    }

    private void execute(Command command) {
        // Re-armed per command (never per operation) so a hang names what this rank was doing.
        watchdog.arm(
                "command " + command.seq() + " " + command.kind() + " "
                        + command.operation().cliName() + " size " + command.size() + " count " + command.count(),
                watchdogSeconds);
        switch (command.kind()) {
            case SETUP ->
                workload = Workload.create(
                        command.operation(), command.buffer(), comm, command.size(), backend, command.root());
            case VALIDATE -> workload().validate(command.seq());
            case RUN -> run(workload(), command.count());
            case REPORT -> report(command.operation().shape() == Operation.Shape.PAIR);
            default -> throw new IllegalStateException("unexpected command " + command);
        }
    }

    private void leave() {
        watchdog.arm("leaving the job", watchdogSeconds);
        comm.close();
        watchdog.disarm();
    }

    private void run(Workload w, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            w.run();
        }
        mine.batch(System.nanoTime() - start, count);
    }

    private void report(boolean toRankZeroOnly) {
        mine.writeTo(report, 0);
        mine.clear();
        if (toRankZeroOnly) {
            comm.send(report, 0, BatchReport.LENGTH, 0, CONTROL_TAG);
        } else {
            comm.gather(report, 0, BatchReport.LENGTH, null, 0, 0);
        }
    }

    private Workload workload() {
        if (workload == null) {
            throw new IllegalStateException("command before SETUP");
        }
        return workload;
    }
}

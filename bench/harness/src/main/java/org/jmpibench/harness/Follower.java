package org.jmpibench.harness;

import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * What ranks 1..N-1 run: receive a {@link Command} from rank 0 (bcast), do exactly that, repeat until STOP.
 * Each command is watched by the {@link Watchdog}; any failure halts this rank with a message naming backend and
 * rank ({@link RankFailure}), which fails the job.
 */
public final class Follower {

    private final Communicator comm;
    private final String backend;
    private final Watchdog watchdog;
    private final long watchdogSeconds = Watchdog.timeoutSeconds();
    private final int[] wire = new int[Command.LENGTH];
    private final double[] report = new double[2];
    private Workload workload;
    private long busyNs;
    private long busyOps;

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

    private void serve() {
        int expectedSeq = 1;
        while (true) {
            watchdog.arm("waiting for command " + expectedSeq + " from rank 0", watchdogSeconds);
            comm.bcast(wire, 0, Command.LENGTH, 0);
            Command command = Command.readFrom(wire);
            if (command.seq() != expectedSeq) {
                throw new IllegalStateException("out of step: command " + command.seq() + " from rank 0, expected "
                        + expectedSeq);
            }
            expectedSeq++;
            // Re-armed per command (never per operation) so a hang names what this rank was doing.
            watchdog.arm("command " + command.seq() + " " + command.kind() + " " + command.operation().cliName()
                    + " size " + command.size() + " count " + command.count(), watchdogSeconds);
            switch (command.kind()) {
                case SETUP -> workload = Workload.create(command.operation(), command.buffer(), comm, command.size(),
                        backend);
                case VALIDATE -> workload().validate(command.seq());
                case RUN -> run(workload(), command.count());
                case REPORT -> report();
                case STOP -> {
                    watchdog.arm("leaving the job", watchdogSeconds);
                    comm.close();
                    watchdog.disarm();
                    return;
                }
                default -> throw new IllegalStateException("unknown command " + command);
            }
        }
    }

    private void run(Workload w, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            w.run();
        }
        busyNs += System.nanoTime() - start;
        busyOps += count;
    }

    private void report() {
        report[0] = busyNs;
        report[1] = busyOps;
        comm.gather(report, 0, 2, null, 0, 0);
        busyNs = 0;
        busyOps = 0;
    }

    private Workload workload() {
        if (workload == null) {
            throw new IllegalStateException("command before SETUP");
        }
        return workload;
    }
}

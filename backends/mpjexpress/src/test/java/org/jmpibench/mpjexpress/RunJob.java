package org.jmpibench.mpjexpress;

import java.time.Duration;
import java.util.Arrays;
import org.jmpibench.spi.Backends;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;

/**
 * Runs one job from the command line and says how long it took, for hand measurements (start-up time, the
 * {@link PingPongRank} figures): {@code RunJob <backend> <np> <main class> args...}. Not a test.
 */
public final class RunJob {

    public static void main(String[] args) throws Exception {
        String backend = args[0];
        int np = Integer.parseInt(args[1]);
        // Full JIT (the tests use C1 only, to start fast): these figures are for the report.
        var program = MpjJobTests.program(Class.forName(args[2]), Arrays.copyOfRange(args, 3, args.length))
                .withJvmOptions(java.util.List.of("-Xmx1g"));
        long start = System.nanoTime();
        JobOutcome outcome = Backends.byName(backend).launcher().run(JobSpec.of(np, program, Duration.ofMinutes(5)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(outcome.output());
        System.out.println("JOB " + backend + " np=" + np + " succeeded=" + outcome.succeeded() + " in " + millis
                + " ms " + outcome.failure());
    }
}

package org.jmpibench.mpjexpress;

import java.time.Duration;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Backends;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;

/** What a launcher JVM does with the MPJ backends: list them, check availability, run a job with each. */
public final class LauncherSideProbe {

    public static void main(String[] args) {
        for (Backend backend : Backends.all()) {
            System.out.println("BACKEND " + backend.name() + " " + backend.availability());
            if (backend.name().startsWith("mpj-")) {
                JobOutcome outcome = backend.launcher()
                        .run(JobSpec.of(2, MpjJobTests.program(PingPongRank.class, "1", "1"), Duration.ofSeconds(60)));
                System.out.println("JOB " + backend.name() + " succeeded " + outcome.succeeded());
            }
        }
    }
}

package org.jmpibench.openmpi;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;

/**
 * Starts {@link PingPongMicro} as a 2-rank job through the backend's own launcher (the path the benchmarks take) and
 * prints rank 0's lines. Arguments are passed on to {@link PingPongMicro}. Exit status 1 when the job failed.
 */
public final class PingPongMicroCheck {

    public static void main(String[] args) {
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        RankProgram program =
                new RankProgram(List.of("-Xmx256m"), classpath, PingPongMicro.class.getName(), List.of(args));
        JobSpec spec = JobSpec.of(2, program, Duration.ofMinutes(5)).withOutput(line -> {
            if (line.rank() == 0 || line.stderr()) {
                System.out.println(line.text());
            }
        });
        JobOutcome outcome = new OpenMpiBackend().launcher().run(spec);
        if (!outcome.succeeded()) {
            System.out.println(outcome.failure());
            System.exit(1);
        }
    }
}

package org.jmpibench.shm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jmpibench.spi.Jdk;
import org.jmpibench.spi.JobOutcome;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.JobSpec.RankLine;
import org.jmpibench.spi.RankProgram;

/** Runs shm jobs from tests with this JVM's class path, and checks what a job must leave behind: nothing. */
final class ShmJobs {

    private ShmJobs() {}

    /** Small rank JVMs that start fast: C1 only. */
    static final List<String> SMALL_JVM =
            List.of("-Xmx256m", "-XX:MaxDirectMemorySize=320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** A job on this JVM's own JDK, with {@link #SMALL_JVM} ranks. */
    static JobOutcome run(
            int np, Map<String, String> env, Duration limit, Consumer<RankLine> output, Class<?> main, String... args) {
        return run(null, SMALL_JVM, np, env, limit, output, main, args);
    }

    /** A job whose ranks run on {@code jdk} (null: this JVM's own) with {@code jvmOptions}. */
    static JobOutcome run(
            Jdk jdk,
            List<String> jvmOptions,
            int np,
            Map<String, String> env,
            Duration limit,
            Consumer<RankLine> output,
            Class<?> main,
            String... args) {
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .collect(Collectors.toList());
        RankProgram program = RankProgram.of(classpath, main.getName(), args).withJvmOptions(jvmOptions);
        JobSpec spec =
                JobSpec.of(np, program, limit).withEnv(env).withOutput(output).withJdk(jdk);
        return new ShmBackend().launcher().run(spec);
    }

    static String describe(JobOutcome outcome) {
        return "failure: " + outcome.failure() + "\nexit codes: " + outcome.exitCodes() + "\noutput:\n"
                + outcome.output();
    }

    /** Files in /dev/shm made by jobs this JVM launched (their names carry this JVM's PID). */
    static List<Path> filesOfThisLauncher() throws IOException {
        String prefix =
                ShmFiles.PREFIX + Long.toHexString(ProcessHandle.current().pid()) + "-";
        try (Stream<Path> files = Files.list(ShmConfig.DEFAULT_DIR)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .collect(Collectors.toList());
        }
    }

    static void assertNothingLeft() throws IOException {
        List<String> alive = ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.toList());
        assertThat(alive).as("processes still running after the job").isEmpty();
        assertThat(filesOfThisLauncher())
                .as("shm files left by this launcher's jobs")
                .isEmpty();
    }
}

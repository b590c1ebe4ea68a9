package org.jmpibench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jmpibench.harness.runner.HostOptions;
import org.jmpibench.harness.runner.JdkOption;
import org.jmpibench.harness.runner.MpirunArgsOption;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Hosts;
import org.jmpibench.spi.Jdk;
import org.jmpibench.spi.RankProgram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs any main class of this jar as an N-rank job, like {@code mpirun -np N java CLASS}: the way to try a program of
 * your own on every backend, and what the failure tests use to start long or faulty jobs.
 */
@Command(
        name = "run",
        description = {
            "Run a main class of this jar as an N-rank job of one backend.",
            "Options go before CLASS; everything after it is the program's."
        },
        exitCodeList = {JmpiBench.EXIT_OK, JmpiBench.EXIT_FAILED, JmpiBench.EXIT_USAGE})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--backend", required = true, description = "Backend name (see 'backends').")
    String backendName;

    @Option(
            names = {"--np", "-np", "-n"},
            defaultValue = "2",
            description = "Number of ranks, 1..64, or up to " + "the hostfile's slots (default ${DEFAULT-VALUE}).")
    int np;

    @Option(
            names = "--timeout",
            defaultValue = "600",
            description = "Seconds before the job is killed " + "(default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--jvm-option", description = "An option for every rank JVM, e.g. -Xmx2g (repeatable).")
    List<String> jvmOptions = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "CLASS", description = "Main class each rank runs.")
    String mainClass;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments for the main class.")
    List<String> args = new ArrayList<>();

    @Mixin
    HostOptions hostOptions;

    @Mixin
    JdkOption jdkOption;

    @Mixin
    MpirunArgsOption mpirunArgs;

    @Override
    public Integer call() {
        Hosts hosts = hostOptions.hosts();
        Jdk jdk = jdkOption.jdk();
        Backend backend = JobCommandSupport.availableBackend(backendName, np, 1, timeoutSeconds, hosts);
        try {
            Class.forName(mainClass, false, RunCommand.class.getClassLoader()).getMethod("main", String[].class);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("no main class " + mainClass + " in this jar");
        }
        RankProgram program = new RankProgram(jvmOptions, JobCommandSupport.ownClasspath(), mainClass, args);
        return mpirunArgs.around(() -> JobCommandSupport.run(
                spec, backend, np, program, timeoutSeconds, "job", hosts, hostOptions.env(), jdk));
    }
}

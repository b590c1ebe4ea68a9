package org.jmpibench.cli;

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
import picocli.CommandLine.Spec;

/** Runs the seed tutorial's three routines ({@link SeedDemo}) as an N-rank job of one backend. */
@Command(
        name = "demo",
        description = "Run the seed tutorial's demo: point-to-point, broadcast, " + "gather-average.",
        exitCodeList = {JmpiBench.EXIT_OK, JmpiBench.EXIT_FAILED, JmpiBench.EXIT_USAGE})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--backend", required = true, description = "Backend name (see 'backends').")
    String backendName;

    @Option(
            names = {"--np", "-np", "-n"},
            defaultValue = "2",
            description = "Number of ranks, 2..64, or up to " + "the hostfile's slots (default ${DEFAULT-VALUE}).")
    int np;

    @Option(
            names = "--timeout",
            defaultValue = "120",
            description = "Seconds before the job is killed " + "(default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

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
        Backend backend = JobCommandSupport.availableBackend(backendName, np, 2, timeoutSeconds, hosts);
        RankProgram program = RankProgram.of(JobCommandSupport.ownClasspath(), SeedDemo.class.getName());
        return mpirunArgs.around(() -> JobCommandSupport.run(
                spec, backend, np, program, timeoutSeconds, "demo", hosts, hostOptions.env(), jdk));
    }
}

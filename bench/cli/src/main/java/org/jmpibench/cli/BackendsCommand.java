package org.jmpibench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Backends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists every backend on the class path, whether it can run here, and if not, what to install. */
@Command(
        name = "backends",
        description = "List backends: available with version, or why not.",
        exitCodeList = {"0:listed, also when some backends cannot run here", JmpiBench.EXIT_USAGE})
final class BackendsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-12s %-14s %s%n", "BACKEND", "STATUS", "VERSION / WHAT TO DO");
        for (Backend backend : Backends.all()) {
            Availability availability = backend.availability();
            out.printf(
                    "%-12s %-14s %s%n",
                    backend.name(),
                    availability.available() ? "available" : "not available",
                    availability.available() ? availability.version() : availability.reason());
        }
        out.flush();
        return 0;
    }
}

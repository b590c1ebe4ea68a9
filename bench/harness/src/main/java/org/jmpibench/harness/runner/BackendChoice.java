package org.jmpibench.harness.runner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jmpibench.results.RunContext;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Backend;

/**
 * Which backends a run runs: those asked for (by default every one), available here and able to run on the run's hosts,
 * sorted by name; and for the console one line per backend that runs or, saying why, does not.
 *
 * <p>The default set leaves out a backend that on one host is another one under another name (tcp is loopback there,
 * {@link Backend#singleHostForm()}) unless the hostfile names several hosts. When it does, backends that run on one
 * host only are skipped, asked for or not.
 *
 * @param toRun the backends to run, by name
 * @param lines what to print up front
 */
record BackendChoice(List<Backend> toRun, List<String> lines) {

    /**
     * Chooses among {@code all} and records every backend, selected or not, in {@code context}.
     *
     * @param requested the names asked for; empty for the default set
     */
    static BackendChoice choose(List<Backend> all, List<String> requested, RunHosts hosts, RunContext.Builder context) {
        List<String> lines = new ArrayList<>();
        List<Backend> toRun = new ArrayList<>();
        for (Backend backend : all) {
            Availability availability = backend.availability();
            String leftOut = requested.isEmpty() ? leftOutByDefault(backend, hosts) : null;
            boolean selected = requested.isEmpty() ? leftOut == null : requested.contains(backend.name());
            context.backend(
                    backend.name(), availability.available(), availability.version(), availability.reason(), selected);
            if (leftOut != null) {
                lines.add("  skip  " + backend.name() + ": " + leftOut);
            }
            if (!selected) {
                continue;
            }
            if (!availability.available()) {
                lines.add("  skip  " + backend.name() + ": " + availability.reason());
            } else if (hosts.spansHosts() && !backend.spansHosts()) {
                lines.add("  skip  " + backend.name() + ": runs on one host only, and the hostfile names several ("
                        + hosts.describe() + ")");
            } else {
                lines.add("  run   " + backend.name() + " " + availability.version());
                toRun.add(backend);
            }
        }
        toRun.sort(Comparator.comparing(Backend::name));
        if (toRun.isEmpty()) {
            lines.add("  no selected backend is available here: nothing to run");
        }
        return new BackendChoice(List.copyOf(toRun), List.copyOf(lines));
    }

    /** Why {@code backend} is not in the default set of a run on {@code hosts}, or null when it is. */
    private static String leftOutByDefault(Backend backend, RunHosts hosts) {
        if (hosts.spansHosts()) {
            return null;
        }
        return backend.singleHostForm()
                .map(form -> "on one host it is " + form + " under another name (ask for "
                        + "it with --backends, or give a hostfile of several hosts)")
                .orElse(null);
    }
}

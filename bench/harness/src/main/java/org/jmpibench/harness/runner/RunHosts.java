package org.jmpibench.harness.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmpibench.launcher.Hostfiles;
import org.jmpibench.launcher.LocalHost;
import org.jmpibench.results.Layout;
import org.jmpibench.results.RunContext;
import org.jmpibench.spi.Hosts;

/**
 * Where the jobs of a bench run go: this machine, or the hosts of {@code --hostfile}. It is checked before anything
 * runs, gives each np its {@link Layout} and placement, and reaches every fork's {@link ForkLauncher} as a hostfile
 * written into the run's scratch directory (a Slurm or PBS allocation is read once, here).
 *
 * <p>Rank 0 of every job is JMH's forked JVM, whose link to JMH (this JVM) is on the loopback interface: it must run on
 * this host. Hence only the placements this side can compute ({@code --map-by slot} or {@code node}) are accepted, and
 * one that puts rank 0 elsewhere is refused.
 */
final class RunHosts {

    private final Hosts hosts;
    private final HostOptions options;

    private RunHosts(Hosts hosts, HostOptions options) {
        this.hosts = hosts;
        this.options = options;
    }

    /** This machine only, as every run before hostfiles. */
    static RunHosts thisMachine() {
        return new RunHosts(null, HostOptions.of(null, null, null, null));
    }

    /**
     * The hosts the options give, checked for every rank count of the run.
     *
     * @throws IllegalArgumentException one line naming the option and what is wrong
     */
    static RunHosts of(HostOptions options, List<Integer> nps) {
        RunHosts run = new RunHosts(options.hosts(), options);
        run.check(nps);
        return run;
    }

    /** Whether the hosts come from {@code --hostfile} (else: this machine, as ever). */
    boolean fromHostfile() {
        return hosts != null;
    }

    /** Whether the jobs go to more than one host: backends that run on one host only are skipped then. */
    boolean spansHosts() {
        return hosts != null && hosts.spansHosts();
    }

    /** The hosts, as a hostfile would list them, for messages. */
    String describe() {
        return hosts == null ? LocalHost.name() : hosts.describe();
    }

    /** The {@link Layout} of an {@code np}-rank job. */
    String layout(int np) {
        return hosts == null ? Layout.ONE_HOST : Layout.of(hosts.placement(np));
    }

    /** Which ranks of an {@code np}-rank job run where: {@code h1: rank 0; h2: rank 1 (map-by node)}. */
    String placement(int np) {
        return hosts == null ? LocalHost.name() + ": ranks 0-" + (np - 1) : hosts.describePlacement(np);
    }

    /** Records the hostfile, if there is one, in the run's context. */
    void describeIn(RunContext.Builder context) {
        if (hosts == null) {
            return;
        }
        Map<String, Integer> slots = new LinkedHashMap<>();
        hosts.hosts().forEach(host -> slots.put(host.name(), host.slots()));
        context.hostfile(slots, hosts.mapBy(), options.interfaces(), options.launchAgent());
    }

    /**
     * The options every fork's launcher gets: the resolved hosts, written as a hostfile into {@code dir}, the policy,
     * the interface and the launch agent; nothing without hosts.
     */
    List<String> forkArgs(Path dir) throws IOException {
        if (hosts == null) {
            return HostOptions.of(null, null, options.interfaces(), options.launchAgent())
                    .args();
        }
        Path hostfile = Files.writeString(dir.resolve("hostfile"), Hostfiles.text(hosts), StandardCharsets.UTF_8);
        return HostOptions.of(hostfile.toString(), hosts.mapBy(), options.interfaces(), options.launchAgent())
                .args();
    }

    private void check(List<Integer> nps) {
        if (hosts == null) {
            return;
        }
        if (!hosts.placementKnown()) {
            throw new IllegalArgumentException(HostOptions.MAP_BY + " " + hosts.mapBy() + ": bench places ranks "
                    + "itself, to keep rank 0 (JMH's fork) on this host and record the layout; use "
                    + Hosts.BY_SLOT + " or " + Hosts.BY_NODE);
        }
        int most = Collections.max(nps);
        if (most > hosts.totalSlots()) {
            throw new IllegalArgumentException("--np " + most + " does not fit the " + hosts.totalSlots() + " slots of "
                    + HostOptions.HOSTFILE + " (" + hosts.describe() + ")");
        }
        String first = hosts.placement(most).get(0);
        if (!LocalHost.is(first)) {
            throw new IllegalArgumentException(HostOptions.HOSTFILE + ": rank 0 (JMH's fork, linked to this JVM "
                    + "over loopback) must run on this host (" + LocalHost.name() + "), but the hostfile puts it on "
                    + first + "; list this host first");
        }
    }
}

package org.jmpibench.harness.runner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jmpibench.launcher.BindAddress;
import org.jmpibench.launcher.Hostfiles;
import org.jmpibench.launcher.RemoteLaunch;
import org.jmpibench.spi.Hosts;
import picocli.CommandLine.Option;

/**
 * The options for running jobs across hosts, shared by every command that starts jobs ({@code bench}, {@code demo},
 * {@code run}) as a picocli mixin, and handed on by {@code bench} to each fork's {@link ForkLauncher} as the same words
 * ({@link #args()}).
 */
public final class HostOptions {

    static final String HOSTFILE = "--hostfile";
    static final String MAP_BY = "--map-by";
    static final String INTERFACE = "--interface";
    static final String LAUNCH_AGENT = "--launch-agent";

    @Option(
            names = HOSTFILE,
            paramLabel = "FILE|slurm|pbs",
            description = "Run on these hosts: an Open MPI "
                    + "hostfile ('host slots=N' lines), or the hosts of the Slurm or PBS allocation this runs in. "
                    + "Backends tcp, openmpi and mpj-niodev span hosts; the others run on this host only (default: this "
                    + "host only).")
    String hostfile;

    @Option(
            names = MAP_BY,
            paramLabel = "POLICY",
            description =
                    "How ranks fill the hosts: slot (the "
                            + "default: each host's slots in turn) or node (round-robin); openmpi takes any of mpirun's policies.")
    String mapBy;

    @Option(
            names = INTERFACE,
            paramLabel = "IF[,IF...]",
            description = "Network interfaces or subnets "
                    + "(eth1, 10.1.0.0/16) the job's traffic between hosts uses, like Open MPI's btl_tcp_if_include; "
                    + "sets $" + BindAddress.INTERFACE_ENV + ". Default: the interface that routes to the other host.")
    String interfaces;

    @Option(
            names = LAUNCH_AGENT,
            paramLabel = "COMMAND",
            description = "What starts processes on other "
                    + "hosts, like Open MPI's plm_rsh_agent (default ssh); sets $" + RemoteLaunch.AGENT_ENV + ".")
    String launchAgent;

    /** The options as given by value; null is an option not given. */
    static HostOptions of(String hostfile, String mapBy, String interfaces, String launchAgent) {
        HostOptions options = new HostOptions();
        options.hostfile = hostfile;
        options.mapBy = mapBy;
        options.interfaces = interfaces;
        options.launchAgent = launchAgent;
        return options;
    }

    /**
     * The hosts to run on, or null for this machine only.
     *
     * @throws IllegalArgumentException for a bad hostfile, or {@code --map-by} without one
     */
    public Hosts hosts() {
        if (hostfile == null) {
            if (mapBy != null) {
                throw new IllegalArgumentException(MAP_BY + " needs " + HOSTFILE);
            }
            return null;
        }
        Hosts hosts = Hostfiles.resolve(hostfile, System.getenv());
        return mapBy == null ? hosts : hosts.withMapBy(mapBy);
    }

    /** What the options set in the job's environment. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        if (interfaces != null) {
            env.put(BindAddress.INTERFACE_ENV, interfaces);
        }
        if (launchAgent != null) {
            env.put(RemoteLaunch.AGENT_ENV, launchAgent);
        }
        return env;
    }

    /** The interfaces asked for, or null. */
    String interfaces() {
        return interfaces;
    }

    /** The launch agent asked for, or null. */
    String launchAgent() {
        return launchAgent;
    }

    /** The options given, as command-line words. */
    List<String> args() {
        List<String> args = new ArrayList<>();
        add(args, HOSTFILE, hostfile);
        add(args, MAP_BY, mapBy);
        add(args, INTERFACE, interfaces);
        add(args, LAUNCH_AGENT, launchAgent);
        return args;
    }

    private static void add(List<String> args, String option, String value) {
        if (value != null) {
            args.add(option);
            args.add(value);
        }
    }
}

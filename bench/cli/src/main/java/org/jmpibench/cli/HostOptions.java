package org.jmpibench.cli;

import java.util.HashMap;
import java.util.Map;
import org.jmpibench.launcher.BindAddress;
import org.jmpibench.launcher.Hostfiles;
import org.jmpibench.launcher.RemoteLaunch;
import org.jmpibench.spi.Hosts;
import picocli.CommandLine.Option;

/** The options for running a job across hosts, shared by the commands that start one (a picocli mixin). */
final class HostOptions {

    @Option(names = "--hostfile", paramLabel = "FILE|slurm|pbs", description = "Run on these hosts: an Open MPI "
            + "hostfile ('host slots=N' lines), or the hosts of the Slurm or PBS allocation this runs in. "
            + "Backends tcp, openmpi and mpj-niodev span hosts; the others run on this host only.")
    String hostfile;

    @Option(names = "--map-by", paramLabel = "POLICY", description = "How ranks fill the hosts: slot (the "
            + "default: each host's slots in turn) or node (round-robin); openmpi takes any of mpirun's policies.")
    String mapBy;

    @Option(names = "--interface", paramLabel = "IF[,IF...]", description = "Network interfaces or subnets "
            + "(eth1, 10.1.0.0/16) the job's traffic between hosts uses, like Open MPI's btl_tcp_if_include; "
            + "sets $" + BindAddress.INTERFACE_ENV + ". Default: the interface that routes to the other host.")
    String interfaces;

    @Option(names = "--launch-agent", paramLabel = "COMMAND", description = "What starts processes on other "
            + "hosts, like Open MPI's plm_rsh_agent (default ssh); sets $" + RemoteLaunch.AGENT_ENV + ".")
    String launchAgent;

    /** The hosts to run on, or null for this machine only. */
    Hosts hosts() {
        if (hostfile == null) {
            if (mapBy != null) {
                throw new IllegalArgumentException("--map-by needs --hostfile");
            }
            return null;
        }
        Hosts hosts = Hostfiles.resolve(hostfile, System.getenv());
        return mapBy == null ? hosts : hosts.withMapBy(mapBy);
    }

    /** What the options set in the job's environment. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        if (interfaces != null) {
            env.put(BindAddress.INTERFACE_ENV, interfaces);
        }
        if (launchAgent != null) {
            env.put(RemoteLaunch.AGENT_ENV, launchAgent);
        }
        return env;
    }
}

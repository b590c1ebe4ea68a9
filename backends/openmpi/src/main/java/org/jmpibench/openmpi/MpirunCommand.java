package org.jmpibench.openmpi;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jmpibench.launcher.BindAddress;
import org.jmpibench.launcher.RankCommand;
import org.jmpibench.launcher.RemoteLaunch;
import org.jmpibench.spi.Hosts;
import org.jmpibench.spi.Jdk;
import org.jmpibench.spi.JobSpec;
import org.jmpibench.spi.RankProgram;

/**
 * Builds the {@code mpirun} command line of a job. Pure: everything it depends on is a parameter, so tests can check
 * each flag appears exactly when it should.
 *
 * <pre>
 * mpirun [--allow-run-as-root] [--oversubscribe] [--host H:SLOTS,... --map-by POLICY] --tag-output --timeout S
 *        --mca pml ob1 --mca btl self,vader[,tcp] [--mca btl_tcp_if_include IF --mca oob_tcp_if_include IF]
 *        [--mca plm_rsh_agent AGENT] --mca mpi_warn_on_fork 0 -x NAME... [extra...]
 *        -np 1 &lt;leader's java command&gt; : -np N-1 &lt;program's java command&gt;     (with a leader)
 *        -np N &lt;program's java command&gt;                                         (without)
 * </pre>
 *
 * Environment values never appear here: {@code -x NAME} exports the variable from mpirun's own environment, since
 * {@code ps} shows command lines to every user.
 */
final class MpirunCommand {

    /**
     * What the command depends on besides the job.
     *
     * @param root whether we run as uid 0 (mpirun refuses root without {@code --allow-run-as-root})
     * @param cores processors available here; more ranks than this need {@code --oversubscribe}
     * @param timeoutSeconds mpirun's own time limit, a backstop should the launcher JVM die
     * @param extraArgs added after the global options (from {@value OpenMpiLauncher#EXTRA_ARGS_PROPERTY})
     * @param interfaces where TCP between hosts goes ({@value BindAddress#INTERFACE_ENV}), or null
     * @param launchAgent what starts Open MPI's daemons on other hosts ({@value RemoteLaunch#AGENT_ENV}), or null for
     *     Open MPI's default (ssh)
     */
    record Host(
            boolean root,
            int cores,
            long timeoutSeconds,
            List<String> extraArgs,
            String interfaces,
            String launchAgent) {
        Host {
            extraArgs = List.copyOf(extraArgs);
        }

        Host(boolean root, int cores, long timeoutSeconds, List<String> extraArgs) {
            this(root, cores, timeoutSeconds, extraArgs, null, null);
        }
    }

    private MpirunCommand() {}

    static List<String> build(OpenMpiInstallation installation, JobSpec spec, Collection<String> envNames, Host host) {
        List<String> cmd = new ArrayList<>();
        cmd.add(installation.mpirun().toString());
        if (host.root()) {
            cmd.add("--allow-run-as-root");
        }
        // With hosts the slots are the hostfile's business; on this machine they are its cores.
        Hosts hosts = spec.hostfile();
        if (hosts == null && spec.np() > host.cores()) {
            cmd.add("--oversubscribe");
        }
        if (hosts != null) {
            // The parsed hosts with their slots, so that mpirun places ranks where the placement we print says.
            cmd.add("--host");
            cmd.add(hosts.hosts().stream().map(h -> h.name() + ":" + h.slots()).collect(Collectors.joining(",")));
            cmd.add("--map-by");
            cmd.add(hosts.mapBy());
        }
        // Tags every output line with the rank that printed it: "[jobid,rank]<stdout>:text".
        cmd.add("--tag-output");
        cmd.add("--timeout");
        cmd.add(Long.toString(host.timeoutSeconds()));
        // ob1 over shared memory (vader) is what makes Open MPI fast on one host; UCX would be picked otherwise
        // where it is installed and adds nothing here. Across hosts, TCP joins in.
        cmd.addAll(List.of("--mca", "pml", "ob1"));
        cmd.addAll(List.of("--mca", "btl", hosts == null ? "self,vader" : "self,vader,tcp"));
        if (host.interfaces() != null) {
            cmd.addAll(List.of("--mca", "btl_tcp_if_include", host.interfaces()));
            cmd.addAll(List.of("--mca", "oob_tcp_if_include", host.interfaces()));
        }
        if (host.launchAgent() != null) {
            cmd.addAll(List.of("--mca", "plm_rsh_agent", host.launchAgent()));
        }
        // Some rank programs start processes (tests kill themselves with `kill -9`); Open MPI would warn.
        cmd.addAll(List.of("--mca", "mpi_warn_on_fork", "0"));
        for (String name : new TreeSet<>(envNames)) {
            cmd.add("-x");
            cmd.add(name);
        }
        cmd.addAll(host.extraArgs());
        if (spec.leader() != null) {
            cmd.add("-np");
            cmd.add("1");
            cmd.addAll(javaCommand(installation, spec.leader(), spec.rankJdk()));
            if (spec.np() > 1) {
                cmd.add(":");
                cmd.add("-np");
                cmd.add(Integer.toString(spec.np() - 1));
                cmd.addAll(javaCommand(installation, spec.program(), spec.rankJdk()));
            }
        } else {
            cmd.add("-np");
            cmd.add(Integer.toString(spec.np()));
            cmd.addAll(javaCommand(installation, spec.program(), spec.rankJdk()));
        }
        return cmd;
    }

    /**
     * {@code java [--enable-native-access] <options> -Djava.library.path=<dir of libmpi_java.so> -cp <program's +
     * mpi.jar> main args}, on the job's JDK; {@code libmpi_java.so} is a JNI library.
     */
    static List<String> javaCommand(OpenMpiInstallation installation, RankProgram program, Jdk jdk) {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        cmd.addAll(RankCommand.nativeAccessOptions(jdk));
        cmd.addAll(program.jvmOptions());
        cmd.add("-Djava.library.path=" + installation.jniLibDir());
        cmd.add("-cp");
        cmd.add(classpath(program.classpath(), installation.mpiJar()));
        cmd.add(program.mainClass());
        cmd.addAll(program.args());
        return cmd;
    }

    /** The program's class path, then mpi.jar unless the program already has that very file. */
    static String classpath(List<Path> programClasspath, Path mpiJar) {
        List<Path> all = new ArrayList<>(programClasspath);
        Path jar = mpiJar.toAbsolutePath().normalize();
        if (all.stream().noneMatch(p -> p.toAbsolutePath().normalize().equals(jar))) {
            all.add(mpiJar);
        }
        return all.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}

package org.jmpibench.harness.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jmpibench.launcher.MpirunArgs;
import org.jmpibench.launcher.RankCommand;
import org.jmpibench.spi.Idle;
import org.jmpibench.spi.Jdk;

/**
 * The executable JMH's {@code jvm} option points at, one per (backend, idle, JDK, np) group. JMH runs it for two
 * things: its properties probe, which goes straight to plain {@code java} of the group's JDK (no JVM in between, so JMH
 * records the JVM its fork runs on), and each fork, which becomes a {@link ForkLauncher} JVM starting the job. The
 * ForkLauncher itself runs on the harness's JDK; the job's ranks, JMH's forked VM included, on the group's.
 */
final class WrapperScript {

    /** Options of the supervising ForkLauncher JVM: small and quick to start; it only waits and forwards. */
    static final List<String> LAUNCHER_JVM_OPTIONS =
            List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    /** Prefix of every setting of ours read as a system property. */
    static final String PREFIX = "jmpi.";

    private WrapperScript() {}

    /**
     * Writes the script into {@code dir}.
     *
     * @param classpath the class path of this JVM: it holds the harness and every backend
     * @param hostArgs the {@link HostOptions} words for the job's hosts ({@link RunHosts#forkArgs})
     * @param jdk the JDK the job's ranks run on, or null for the one running this JVM
     * @param mpirunArgs extra mpirun arguments for the openmpi launcher, which runs in the ForkLauncher JVM; when
     *     given, they replace this JVM's {@link MpirunArgs#PROPERTY}
     */
    static Path write(
            Path dir,
            String backend,
            Idle idle,
            int np,
            long jobTimeoutSeconds,
            Path failures,
            String classpath,
            List<String> hostArgs,
            Jdk jdk,
            List<String> mpirunArgs)
            throws IOException {
        String java = RankCommand.currentJava().toString();
        String rankJava = jdk == null ? java : jdk.java().toString();
        List<String> launcher = new ArrayList<>();
        launcher.add(java);
        launcher.addAll(LAUNCHER_JVM_OPTIONS);
        launcher.addAll(launcherProperties(mpirunArgs));
        launcher.addAll(List.of(
                "-cp",
                classpath,
                ForkLauncher.class.getName(),
                "--backend",
                backend,
                "--idle",
                idle.cliName(),
                "--np",
                Integer.toString(np),
                "--timeout-seconds",
                Long.toString(jobTimeoutSeconds),
                "--failures",
                failures.toString()));
        launcher.addAll(hostArgs);
        if (jdk != null) {
            launcher.addAll(List.of(ForkLauncher.JDK, jdk.home().toString()));
        }
        launcher.add("--");
        String script = "#!/bin/sh\n"
                + "# jmpi-bench: JMH's 'jvm' for backend " + backend + ", idle " + idle.cliName() + ", np " + np
                + ", ranks on " + rankJava + ".\n"
                + "# A JMH fork (ForkedMain) becomes a job through ForkLauncher; anything else is plain java.\n"
                + "for arg in \"$@\"; do\n"
                + "  if [ \"$arg\" = " + ForkCommand.FORKED_MAIN + " ]; then\n"
                + "    exec " + quoteAll(launcher) + " \"$@\"\n"
                + "  fi\n"
                + "done\n"
                + "exec " + quote(rankJava) + " \"$@\"\n";
        String jdkPart = jdk == null ? "" : "-jdk" + jdk.feature();
        Path file = dir.resolve("jvm-" + backend + "-" + idle.cliName() + "-np" + np + jdkPart + ".sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    /**
     * This JVM's {@code jmpi.*} system properties as {@code -D} options: the backends' launcher settings (e.g.
     * {@code jmpi.openmpi.mpirunArgs}, {@code jmpi.openmpi.jar}, {@code jmpi.mpj.home}) are read where the job is
     * launched, which for a fork is the ForkLauncher JVM. Without them a fork's job would be launched otherwise than
     * this JVM's checks assumed, and otherwise than calibrate's plain programs, which this JVM launches.
     * {@code mpirunArgs}, when given ({@code --mpirun-args}), are the openmpi launcher's extra arguments instead of the
     * property's.
     */
    static List<String> launcherProperties(List<String> mpirunArgs) {
        Map<String, String> properties = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(PREFIX))
                .forEach(name -> properties.put(name, System.getProperty(name)));
        if (!mpirunArgs.isEmpty()) {
            properties.put(MpirunArgs.PROPERTY, String.join(" ", mpirunArgs));
        }
        return properties.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .toList();
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static String quoteAll(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            line.append(line.length() == 0 ? "" : " ").append(quote(word));
        }
        return line.toString();
    }
}

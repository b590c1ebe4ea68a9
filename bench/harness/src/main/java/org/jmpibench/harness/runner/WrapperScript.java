package org.jmpibench.harness.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.jmpibench.launcher.MpirunArgs;
import org.jmpibench.launcher.RankCommand;

/**
 * The executable JMH's {@code jvm} option points at, one per (backend, idle, np) group. JMH runs it for two things: its
 * properties probe, which goes straight to plain {@code java} (no JVM in between), and each fork,
 * which becomes a {@link ForkLauncher} JVM starting the job.
 */
final class WrapperScript {

    /** Options of the supervising ForkLauncher JVM: small and quick to start; it only waits and forwards. */
    static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private WrapperScript() {
    }

    /**
     * Writes the script into {@code dir}.
     *
     * @param classpath  the class path of this JVM: it holds the harness and every backend
     * @param mpirunArgs extra mpirun arguments for the openmpi launcher, which runs in the ForkLauncher JVM
     */
    static Path write(Path dir, String backend, Idle idle, int np, long jobTimeoutSeconds, Path failures,
                      String classpath, List<String> mpirunArgs) throws IOException {
        String java = RankCommand.currentJava().toString();
        List<String> launcher = new ArrayList<>();
        launcher.add(java);
        launcher.addAll(LAUNCHER_JVM_OPTIONS);
        if (!mpirunArgs.isEmpty()) {
            launcher.add("-D" + MpirunArgs.PROPERTY + "=" + String.join(" ", mpirunArgs));
        }
        launcher.addAll(List.of("-cp", classpath, ForkLauncher.class.getName(), "--backend", backend,
                "--idle", idle.cliName(), "--np", Integer.toString(np), "--timeout-seconds", Long.toString(jobTimeoutSeconds),
                "--failures", failures.toString(), "--"));
        String script = "#!/bin/sh\n"
                + "# jmpi-bench: JMH's 'jvm' for backend " + backend + ", idle " + idle.cliName() + ", np " + np
                + ".\n"
                + "# A JMH fork (ForkedMain) becomes a job through ForkLauncher; anything else is plain java.\n"
                + "for arg in \"$@\"; do\n"
                + "  if [ \"$arg\" = " + ForkCommand.FORKED_MAIN + " ]; then\n"
                + "    exec " + quoteAll(launcher) + " \"$@\"\n"
                + "  fi\n"
                + "done\n"
                + "exec " + quote(java) + " \"$@\"\n";
        Path file = dir.resolve("jvm-" + backend + "-" + idle.cliName() + "-np" + np + ".sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
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

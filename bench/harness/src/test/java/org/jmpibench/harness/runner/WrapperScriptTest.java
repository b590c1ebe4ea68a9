package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmpibench.launcher.MpirunArgs;
import org.jmpibench.launcher.RankCommand;
import org.jmpibench.spi.Idle;
import org.jmpibench.spi.Jdk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrapperScriptTest {

    @TempDir
    Path dir;

    @Test
    void passesAnythingButAForkStraightToJava() throws Exception {
        Path script = WrapperScript.write(
                dir,
                "loopback",
                Idle.DEFAULT,
                2,
                60,
                dir.resolve("failures.log"),
                "/nowhere.jar",
                List.of(),
                null,
                List.of());

        Process probe = new ProcessBuilder(script.toString(), "-version")
                .redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(probe.waitFor()).isZero();
        assertThat(output).contains("version");
    }

    @Test
    void turnsAForkIntoForkLauncherForThisGroup() throws IOException {
        Path failures = dir.resolve("failures.log");
        Path script = WrapperScript.write(
                dir,
                "tcp",
                Idle.SPIN,
                4,
                90,
                failures,
                "/it's/harness.jar",
                List.of("--hostfile", "/run/hostfile", "--map-by", "node", "--launch-agent", "ssh -x"),
                null,
                List.of());
        String text = Files.readString(script);

        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(text)
                .contains(
                        ForkLauncher.class.getName(),
                        "'--backend' 'tcp'",
                        "'--idle' 'spin'",
                        "'--np' '4'",
                        "'--timeout-seconds' '90'",
                        "'" + failures + "'",
                        ForkCommand.FORKED_MAIN,
                        "'--hostfile' '/run/hostfile' '--map-by' 'node' '--launch-agent' 'ssh -x' '--'");
        // A single quote in a path must survive the shell.
        assertThat(text).contains("'/it'\\''s/harness.jar'");
    }

    @Test
    void givesTheForkLauncherTheExtraMpirunArguments() throws IOException {
        Path script = WrapperScript.write(
                dir,
                "openmpi",
                Idle.DEFAULT,
                2,
                60,
                dir.resolve("f.log"),
                "/h.jar",
                List.of(),
                null,
                List.of("--bind-to", "none"));

        assertThat(Files.readString(script)).contains("'-D" + MpirunArgs.PROPERTY + "=--bind-to none' '-cp'");
        assertThat(Files.readString(WrapperScript.write(
                        dir, "shm", Idle.DEFAULT, 2, 60, dir.resolve("f.log"), "/h.jar", List.of(), null, List.of())))
                .doesNotContain(MpirunArgs.PROPERTY);
    }

    @Test
    void aGroupOnAnotherJdkProbesAndRunsItsRanksOnThatJdk() throws IOException {
        Jdk other = new Jdk(Path.of("/opt/jdk-25"), Runtime.Version.parse("25.0.1+8"), "Someone");
        Path script = WrapperScript.write(
                dir, "shm", Idle.DEFAULT, 2, 60, dir.resolve("failures.log"), "/h.jar", List.of(), other, List.of());
        String text = Files.readString(script);

        assertThat(script.getFileName().toString()).isEqualTo("jvm-shm-default-np2-jdk25.sh");
        assertThat(text)
                .as("the ForkLauncher on this JDK, told where the ranks' JDK is")
                .contains("exec '" + RankCommand.currentJava() + "' ", "'--jdk' '/opt/jdk-25' '--'")
                .as("JMH's properties probe on the ranks' JDK")
                .endsWith("exec '/opt/jdk-25/bin/java' \"$@\"\n");
    }

    @Test
    void theForkLauncherGetsThisJvmsLauncherSettings() throws IOException {
        String name = "jmpi.openmpi.mpirunArgs";
        String before = System.getProperty(name);
        System.setProperty(name, "--bind-to none --report-bindings");
        try {
            String text = Files.readString(WrapperScript.write(
                    dir,
                    "openmpi",
                    Idle.DEFAULT,
                    2,
                    90,
                    dir.resolve("failures.log"),
                    "/harness.jar",
                    List.of(),
                    null,
                    List.of()));

            assertThat(text).contains("'-Djmpi.openmpi.mpirunArgs=--bind-to none --report-bindings' '-cp'");
            assertThat(text).doesNotContain("-Djava.");
            assertThat(Files.readString(WrapperScript.write(
                            dir,
                            "openmpi",
                            Idle.DEFAULT,
                            2,
                            90,
                            dir.resolve("failures.log"),
                            "/harness.jar",
                            List.of(),
                            null,
                            List.of("--bind-to", "core"))))
                    .as("--mpirun-args wins over the property")
                    .contains("'-Djmpi.openmpi.mpirunArgs=--bind-to core'")
                    .doesNotContain("--report-bindings");
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
            }
        }
    }

    @Test
    void quotesForTheShell() {
        assertThat(WrapperScript.quote("a b")).isEqualTo("'a b'");
        assertThat(WrapperScript.quote("$HOME")).isEqualTo("'$HOME'");
    }
}

package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmpibench.launcher.MpirunArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrapperScriptTest {

    @TempDir
    Path dir;

    @Test
    void passesAnythingButAForkStraightToJava() throws Exception {
        Path script = WrapperScript.write(dir, "loopback", Idle.DEFAULT, 2, 60, dir.resolve("failures.log"), "/nowhere.jar",
                List.of());

        Process probe = new ProcessBuilder(script.toString(), "-version").redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(probe.waitFor()).isZero();
        assertThat(output).contains("version");
    }

    @Test
    void turnsAForkIntoForkLauncherForThisGroup() throws IOException {
        Path failures = dir.resolve("failures.log");
        Path script = WrapperScript.write(dir, "shm", Idle.SPIN, 4, 90, failures, "/it's/harness.jar", List.of());
        String text = Files.readString(script);

        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(text).contains(ForkLauncher.class.getName(), "'--backend' 'shm'", "'--idle' 'spin'", "'--np' '4'",
                "'--timeout-seconds' '90'", "'" + failures + "'", ForkCommand.FORKED_MAIN);
        // A single quote in a path must survive the shell.
        assertThat(text).contains("'/it'\\''s/harness.jar'");
    }

    @Test
    void givesTheForkLauncherTheExtraMpirunArguments() throws IOException {
        Path script = WrapperScript.write(dir, "openmpi", Idle.DEFAULT, 2, 60, dir.resolve("f.log"), "/h.jar",
                List.of("--bind-to", "none"));

        assertThat(Files.readString(script)).contains("'-D" + MpirunArgs.PROPERTY + "=--bind-to none' '-cp'");
        assertThat(Files.readString(WrapperScript.write(dir, "shm", Idle.DEFAULT, 2, 60, dir.resolve("f.log"),
                "/h.jar", List.of()))).doesNotContain(MpirunArgs.PROPERTY);
    }

    @Test
    void quotesForTheShell() {
        assertThat(WrapperScript.quote("a b")).isEqualTo("'a b'");
        assertThat(WrapperScript.quote("$HOME")).isEqualTo("'$HOME'");
    }
}

package org.jmpibench.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteLaunchTest {

    @Test
    void theAgentIsSshUnlessConfigured() {
        assertThat(RemoteLaunch.agent(Map.of())).containsExactly("ssh");
        assertThat(RemoteLaunch.agent(Map.of(RemoteLaunch.AGENT_ENV, " ssh -o BatchMode=yes ")))
                .containsExactly("ssh", "-o", "BatchMode=yes");
    }

    @Test
    void theRemoteLineQuotesEveryWordForTheShellOverThere() throws Exception {
        List<String> cmd =
                RemoteLaunch.command(List.of("ssh"), "node2", List.of("/jdk/bin/java", "-cp", "a b", "it's"));
        assertThat(cmd).hasSize(3).startsWith("ssh", "node2");
        assertThat(cmd.get(2))
                .startsWith("exec sh -c '")
                .endsWith("' jmpi-rank '/jdk/bin/java' '-cp' 'a b' " + "'it'\\''s'");
        // What a POSIX shell makes of the line: the words, unchanged.
        Process echo =
                new ProcessBuilder("sh", "-c", cmd.get(2).replace("exec \"$@\"", "printf '[%s]' \"$@\"")).start();
        echo.getOutputStream().close();
        assertThat(new String(echo.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("[/jdk/bin/java][-cp][a b][it's]");
    }

    @Test
    void theEnvironmentGoesAsLinesEndedByABlankOne() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JMPI_RANK", "1");
        env.put("JMPI_JOB_TOKEN", "s3cr3t with space");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RemoteLaunch.sendEnvironment(out, env);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("JMPI_RANK=1\nJMPI_JOB_TOKEN=s3cr3t with space\n\n");
        assertThatThrownBy(() -> RemoteLaunch.sendEnvironment(out, Map.of("A", "two\nlines")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A");
        assertThatThrownBy(() -> RemoteLaunch.sendEnvironment(out, Map.of("NOT-A-NAME", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOT-A-NAME");
    }
}

package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jmpibench.results.GitState;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.ResultsFileBuilder;
import org.jmpibench.results.RunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's line at the top of the report says what it ran on, also the ranks' JDKs and the hosts. */
class RunLineTest {
    @TempDir
    Path dir;

    @Test
    void aRunOnSeveralJdksAndHostsSaysSo() throws Exception {
        Map<String, Integer> hosts = new LinkedHashMap<>();
        hosts.put("node1.example.org", 2);
        hosts.put("node2.example.org", 2);
        RunContext.Builder context = context()
                .jdk(new RunContext.RankJdk("17", "17.0.15", "Debian", "/usr/lib/jvm/java-17-openjdk-amd64"))
                .jdk(new RunContext.RankJdk("25", "25.0.1", "Eclipse Adoptium", "/usr/lib/jvm/temurin-25-jdk-amd64"))
                .hostfile(hosts, "slot", null, null);

        String line = RunLine.of(run(context));

        assertThat(line).contains("ranks on Java 17.0.15, 25.0.1", "2 hosts");
    }

    @Test
    void aRunOnThisHostWithTheHarnesssJdkSaysNothingMore() throws Exception {
        String line = RunLine.of(run(context()));

        assertThat(line).startsWith("host bench-vm").doesNotContain("ranks on").doesNotContain("hosts");
    }

    private static RunContext.Builder context() {
        return new RunContext.Builder(
                ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.UTC),
                "bench-vm",
                new GitState("4b825dc642cb6eb9a060e54bf8d69288fbee4904", false, null));
    }

    private RunResults run(RunContext.Builder context) throws Exception {
        Path results = ResultsFileBuilder.file()
                .add(Operation.SEND, new double[] {1, 1})
                .params("shm", 2, 1)
                .param(Param.JDK, "25")
                .done()
                .writeTo(dir.resolve("run.json"));
        Files.write(dir.resolve("run.context.json"), context.build().toJson());
        return RunReader.read(results, "run");
    }
}

package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input {@code plot} cannot use: one clear line on stderr, a non-zero exit, no stack trace, nothing written. */
class BadInputTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      empty file                 | ''                                           | is empty
      only whitespace            | '  \n\n '                                    | is empty
      not JSON                   | 'Benchmark  Mode  Cnt  Score'                | not valid JSON
      truncated JSON             | '[{"benchmark": "a.B.c", "mode": "avgt"'     | not valid JSON
      another tool's object      | '{"version": 2, "results": []}'              | not a JMH results file
      another tool's array       | '[{"name": "test_ping", "time": 1.5}]'       | not a JMH results file
      array of numbers           | '[1, 2, 3]'                                  | not a JMH results file
      empty JMH array            | '[]'                                         | no benchmark results
      no score unit              | '[{"benchmark":"a.B.c","mode":"avgt","primaryMetric":{"score":1}}]' | no 'scoreUnit'
      unknown unit               | '[{"benchmark":"a.B.c","mode":"avgt","primaryMetric":{"score":1,"scoreUnit":"furlongs"}}]' | unsupported score unit 'furlongs'
      np not a number            | '[{"benchmark":"a.B.c","mode":"avgt","params":{"np":"two"},"primaryMetric":{"score":1,"scoreUnit":"us/op"}}]' | np='two'
      """)
    void refusesWithOneLine(String what, String content, String expectedMessage) throws IOException {
        Path file = temp.resolve("bad.json");
        Files.writeString(file, content.replace("\\n", "\n"), StandardCharsets.UTF_8);

        assertRefused(expectedMessage, file.toString());
    }

    @Test
    void refusesAMissingFile() {
        assertRefused("no such file", temp.resolve("nope.json").toString());
    }

    @Test
    void refusesADirectory() {
        assertRefused("is a directory", temp.toString());
    }

    @Test
    void refusesAnUnreadableFile() throws IOException {
        Path file = Fixtures.copy(Fixtures.RUN_B, temp);
        assertThat(file.toFile().setReadable(false, false)).isTrue();
        Assumptions.assumeFalse(Files.isReadable(file), "running as root: permissions ignored");
        assertRefused("permission denied", file.toString());
    }

    @Test
    void refusesAFileWhoseReadFails() {
        // readable by permissions, but reading fails (EIO at offset 0): works as root too
        Path unreadable = Path.of("/proc/self/mem");
        Assumptions.assumeTrue(Files.exists(unreadable), "needs Linux /proc");
        assertRefused("cannot be read (", unreadable.toString());
    }

    @Test
    void refusesAllWhenOneOfSeveralFilesIsBad() throws IOException {
        Path good = Fixtures.copy(Fixtures.RUN_B, temp);
        Path bad = Files.writeString(temp.resolve("other.json"), "{}");
        assertRefused("other.json: not a JMH results file", good.toString(), bad.toString());
    }

    @Test
    void usageErrorsUsePicocliExitCode() {
        Fixtures.Outcome outcome = Fixtures.plot();
        assertThat(outcome.exitCode()).isEqualTo(picocli.CommandLine.ExitCode.USAGE);
        assertThat(outcome.err()).contains("Missing required parameter");
    }

    private void assertRefused(String expectedMessage, String... files) {
        Path out = temp.resolve("out");
        String[] args = new String[files.length + 2];
        args[0] = "--out";
        args[1] = out.toString();
        System.arraycopy(files, 0, args, 2, files.length);

        Fixtures.Outcome outcome = Fixtures.plot(args);

        assertThat(outcome.exitCode()).isEqualTo(PlotCommand.EXIT_BAD_INPUT).isEqualTo(2);
        assertThat(outcome.err().strip())
                .startsWith("plot: ")
                .contains(expectedMessage)
                .doesNotContain("\n")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(outcome.out()).isEmpty();
        assertThat(out).doesNotExist();
    }
}

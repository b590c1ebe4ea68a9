package org.jmpibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Help and version on every command, as a new user tries them: no "Unknown option", no "Missing required". */
class HelpAndVersionTest {

    static Stream<String> commands() {
        return JmpiBench.commandLine().getSubcommands().keySet().stream().filter(name -> !name.equals("help"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyCommandHasHelpWithItsExitCodes(String command) {
        for (String option : new String[] {"--help", "-h"}) {
            CliRunner result = CliRunner.run(command, option);
            assertThat(result.status).as(result.err).isZero();
            assertThat(result.err).isEmpty();
            assertThat(result.out)
                    .startsWith("Usage: jmpi-bench " + command)
                    .contains("Exit codes:")
                    .containsPattern("(?m)^ +0 +");
        }
        CliRunner help = CliRunner.run("help", command);
        assertThat(help.status).isZero();
        assertThat(help.out).isEqualTo(CliRunner.run(command, "--help").out);
    }

    @Test
    void theTopLevelHelpListsEveryCommandAndTheHelpCommand() {
        CliRunner result = CliRunner.run("--help");
        assertThat(result.status).isZero();
        commands().forEach(command -> assertThat(result.out).containsPattern("(?m)^ +" + command + " "));
        assertThat(result.out).containsPattern("(?m)^ +help ").contains("Exit codes:");
        assertThat(CliRunner.run("help").out).isEqualTo(result.out);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "demo --help", "demo --backend shm --np 2 --help", "demo -h --backend shm", "demo --np abc --help",
                "demo --backend --help", "run --help", "run --backend shm --np 2 -h", "bench --np 2 --sizes 1Ki -h",
                "bench --frobnicate --help", "compare --help", "plot --threshold 5 -h", "backends --all -h"
            })
    void helpWinsWhereverItStandsAmongOtherOptionsRightOrWrong(String args) {
        CliRunner result = CliRunner.run(args.split(" "));
        String command = args.split(" ")[0];
        assertThat(result.status).as(result.err).isZero();
        assertThat(result.err).isEmpty();
        assertThat(result.out).startsWith("Usage: jmpi-bench " + command);
    }

    @Test
    void afterTheMainClassOfRunAHelpOptionIsTheProgramsArgument() {
        CliRunner result =
                CliRunner.run("run", "--backend", "loopback", "--np", "1", EchoArgs.class.getName(), "-h", "--help");
        assertThat(result.status).as(result.err).isZero();
        assertThat(result.out).isEqualTo("arg: -h\narg: --help\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--version", "-V", "backends --version", "bench -V", "compare --version", "plot -V"})
    void everyCommandPrintsTheVersionAndTheCommitOfTheBuild(String args) throws Exception {
        CliRunner result = CliRunner.run(args.split(" "));
        assertThat(result.status).as(result.err).isZero();
        assertThat(result.out)
                .doesNotContain("development build")
                .doesNotContain("${")
                .containsPattern("^jmpi-bench \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n")
                .containsPattern("(?m)^commit [0-9a-f]{40}( with uncommitted changes)? \\(\\d{4}-")
                .containsPattern("(?m)^Java \\d+");
        String head = gitHead();
        Assumptions.assumeTrue(head != null, "not a git checkout: cannot check which commit was built");
        assertThat(result.out).contains("commit " + head);
    }

    /** The commit of this checkout, or null outside one. */
    private static String gitHead() throws IOException, InterruptedException {
        Process git;
        try {
            git = new ProcessBuilder("git", "rev-parse", "--verify", "-q", "HEAD")
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException noGit) {
            return null;
        }
        try {
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : null;
        } finally {
            git.destroyForcibly();
        }
    }
}

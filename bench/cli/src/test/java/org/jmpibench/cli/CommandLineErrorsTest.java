package org.jmpibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets one clear line and a non-zero status, never a stack trace. */
class CommandLineErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "demo --backend nosuch --np 2 | unknown backend 'nosuch'; known backends:",
        "demo --backend loopback --np 0 | --np must be between 2 and 64",
        "demo --backend loopback --np 1 | --np must be between 2 and 64",
        "demo --backend loopback --np 999 | --np must be between 2 and 64",
        "demo --backend loopback --np abc | Invalid value for option '--np': 'abc' is not an int",
        "demo --np 2 | Missing required option: '--backend",
        "frobnicate | Unmatched argument at index 0: 'frobnicate'",
    })
    void badInputIsOneLineAndUsageStatus(String args, String expected) {
        CliRunner result = CliRunner.run(args.split(" "));
        assertThat(result.status).isEqualTo(JmpiBench.USAGE);
        assertThat(result.err).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.err.lines().filter(line -> line.startsWith("jmpi-bench:")).count()).isEqualTo(1);
    }

    @Test
    void backendsListsLoopbackAsAvailable() {
        CliRunner result = CliRunner.run("backends");
        assertThat(result.status).isZero();
        assertThat(result.out).containsPattern("(?m)^loopback +available ");
    }
}

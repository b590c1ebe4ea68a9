package org.jmpibench.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.jmpibench.results.RealJmhRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate on what JMH itself writes ({@link RealJmhRun}), in all four modes; never on a measured figure. */
class RealJmhComparisonTest {

    @TempDir
    Path dir;

    @Test
    void aRunComparedWithItselfIsUnchangedAndExitsZero() {
        ComparisonReport report = Comparison.of(RealJmhRun.file(), RealJmhRun.file(), ComparisonOptions.defaults());

        assertThat(report.rows()).hasSize(RealJmhRun.RESULTS).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.UNCHANGED);
            assertThat(r.change()).isZero();
            assertThat(r.pValue()).isEqualTo(1.0);
        });
        assertThat(report.exitCode(true)).isZero();
    }

    @Test
    void theSameRunMadeSlowerIsARegressionInEveryMode() throws IOException {
        Path slower = RealJmhRun.slowedCopy(dir.resolve("slower.json"));

        ComparisonReport report = Comparison.of(RealJmhRun.file(), slower, ComparisonOptions.defaults());

        assertThat(report.rows())
                .hasSize(RealJmhRun.RESULTS)
                .allSatisfy(r -> assertThat(r.verdict()).as(r.key().toString()).isEqualTo(Verdict.REGRESSED));
    }
}

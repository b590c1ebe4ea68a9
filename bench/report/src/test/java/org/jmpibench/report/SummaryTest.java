package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.List;
import org.jmpibench.results.Operation;
import org.jmpibench.results.ResultsFileBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

    @TempDir
    Path temp;

    private static double[] tight(double t) {
        return new double[] {t * 0.99, t, t * 1.01, t, t};
    }

    private static double[] noisy(double t) {
        return new double[] {t * 0.3, t, t * 2.5, t, t * 0.5};
    }

    /**
     * send np=2: shm wins small messages clearly (3x), loopback wins large ones only within noise, and mpj-niodev,
     * fastest at 4 MiB, has no result at 256 KiB, so it cannot take part in that band.
     */
    private ReportData data() throws ReportException {
        ResultsFileBuilder file = ResultsFileBuilder.file();
        for (long size : new long[] {1, 256}) { // 4 B, 1 KiB
            file.add(Operation.SEND, tight(1)).params("shm", 2, size).done();
            file.add(Operation.SEND, tight(3)).params("loopback", 2, size).done();
        }
        for (long size : new long[] {65536, 1 << 20}) { // 256 KiB, 4 MiB
            file.add(Operation.SEND, noisy(110)).params("shm", 2, size).done();
            file.add(Operation.SEND, noisy(100)).params("loopback", 2, size).done();
        }
        file.add(Operation.SEND, tight(10)).params("mpj-niodev", 2, 1 << 20).done();
        RunResults run = RunReader.read(file.writeTo(temp.resolve("run.json")), "run");
        return new ReportData(List.of(run));
    }

    @Test
    void theFastestSeriesOfEachBandWithItsLeadAndWhetherItIsClear() throws Exception {
        ReportData data = data();
        List<Summary.Row> rows = Summary.rows(data);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.operation()).isEqualTo("send");
            assertThat(row.ranks()).isEqualTo(2);
            assertThat(row.cells()).doesNotContainKey(Summary.Band.MEDIUM);

            Summary.Cell small = row.cells().get(Summary.Band.SMALL);
            assertThat(small.winner().backend()).isEqualTo("shm");
            assertThat(small.runnerUp().backend()).isEqualTo("loopback");
            assertThat(small.factor()).isCloseTo(3.0, offset(0.01));
            assertThat(small.clear()).isTrue();
            assertThat(Summary.sizesOf(data, row, Summary.Band.SMALL)).isEqualTo("4 B, 1 KiB");

            Summary.Cell large = row.cells().get(Summary.Band.LARGE);
            assertThat(large.winner().backend()).as("mpj-niodev misses 256 KiB").isEqualTo("loopback");
            assertThat(large.runnerUp().backend()).isEqualTo("shm");
            assertThat(large.clear()).as("error bars overlap").isFalse();
        });
    }

    @Test
    void theSummaryLeadsThePage() throws Exception {
        String page = new HtmlReport(data(), "run", List.of()).render();

        assertThat(page.indexOf("id=\"summary\"")).isPositive().isLessThan(page.indexOf("id=\"op-send\""));
        assertThat(page).contains("<b>shm</b> 3.0&times; ahead of loopback").contains("<b>loopback</b> &asymp; shm");
        assertThat(page.indexOf("<details id=\"runs\">")).isGreaterThan(page.indexOf("id=\"op-send\""));
    }
}

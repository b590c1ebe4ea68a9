package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmpibench.results.Metric;
import org.jmpibench.results.Operation;
import org.jmpibench.results.ResultsFileBuilder;
import org.jmpibench.results.SecondaryMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run as the report reads it: times in us/op, operation names, the context file. */
class RunReaderTest {
    @TempDir
    Path temp;

    @Test
    void readsTheFixtureWithItsParamsMetricsAndContext() throws Exception {
        Path results = Fixtures.copy(Fixtures.RUN_A, temp);
        Fixtures.copy(Fixtures.RUN_A_CONTEXT, temp);

        RunResults run = RunReader.read(results, "a");

        assertThat(run.measurements()).hasSize(207);
        Measurement first = run.measurements().get(0);
        assertThat(first.operation()).isEqualTo("send");
        assertThat(first.benchmark()).isEqualTo(Operation.SEND.benchmarkName());
        assertThat(first.backend()).isEqualTo("loopback");
        assertThat(first.ranks()).hasValue(2);
        assertThat(first.sizeElements()).hasValue(1);
        assertThat(first.sizeBytes()).hasValue(4);
        assertThat(first.time().score()).isBetween(14.0 * 0.93, 14.0 * 1.09);
        assertThat(first.time().confidenceLow()).isLessThan(first.time().score());
        assertThat(first.slowestRank()).isNull();
        assertThat(run.measurements())
                .filteredOn(m -> m.operation().equals("bcast"))
                .allSatisfy(m -> assertThat(m.slowestRank()).isNotNull());
        assertThat(first.otherTimes()).containsOnlyKeys(SecondaryMetric.HAND_TIMED.jmhName());
        assertThat(first.otherTimes().get(SecondaryMetric.HAND_TIMED.jmhName()).score())
                .isPositive();
        assertThat(run.context())
                .containsEntry("host", "bench-vm")
                .containsEntry("matrix.np", "2, 4")
                .containsEntry("git.commit", "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
                .containsEntry("backends.openmpi.version", "Open MPI 4.1.4 (Debian)")
                .containsEntry("failedJobs[0].params", "backend=mpj-niodev,buffer=array,np=4,size=1048576");
        assertThat(run.contextProblem()).isNull();
        assertThat(run.jmhSettings()).containsEntry("jmhVersion", "1.37").containsEntry("forks", "2");
    }

    @Test
    void aResultMeasuredOnceHasNoError() throws Exception {
        Path file = ResultsFileBuilder.file()
                .add(Operation.BCAST, new double[] {2.5})
                .params("shm", 2, 16)
                .done()
                .writeTo(temp.resolve("r.json"));

        Metric time = RunReader.read(file, "r").measurements().get(0).time();

        assertThat(time.score()).isEqualTo(2.5);
        assertThat(time.scoreError()).isNaN();
        assertThat(time.confidenceLow()).isNaN();
    }

    @Test
    void convertsTimeUnitsAndInvertsThroughputIntoMicroseconds() throws Exception {
        Path file = ResultsFileBuilder.file()
                .add(Operation.SEND.benchmarkName(), "avgt", "ns/op", new double[] {1500, 1500})
                .params("shm", 2, 1)
                .done()
                .add(Operation.BCAST.benchmarkName(), "ss", "ms/op", new double[] {2, 2})
                .params("shm", 2, 1)
                .done()
                .add(Operation.GATHER_AVERAGE.benchmarkName(), "thrpt", "ops/us", new double[] {0.5, 0.5})
                .params("shm", 2, 1)
                .done()
                .writeTo(temp.resolve("r.json"));

        List<Measurement> read = RunReader.read(file, "r").measurements();

        assertThat(read.get(0).time().score()).isCloseTo(1.5, offset(1e-9));
        assertThat(read.get(1).time().score()).isCloseTo(2000, offset(1e-9));
        assertThat(read.get(2).time().score()).isCloseTo(2.0, offset(1e-9));
    }

    @Test
    void namesOurOperationsByTheirNameAndOthersByTheirMethod() throws Exception {
        Path file = ResultsFileBuilder.file()
                .add("org.other.Allreduce.allReduceSum", "avgt", "us/op", new double[] {1})
                .done()
                .add(Operation.GATHER_AVERAGE, new double[] {1})
                .done()
                .add("org.other.Other.zeta", "avgt", "us/op", new double[] {1})
                .done()
                .add(Operation.BCAST, new double[] {1})
                .done()
                .add(Operation.SEND, new double[] {1})
                .done()
                .writeTo(temp.resolve("r.json"));

        ReportData data = new ReportData(List.of(RunReader.read(file, "r")));

        assertThat(data.operations()).containsExactly("send", "bcast", "gather-average", "allReduceSum", "zeta");
    }

    @Test
    void aBrokenContextFileIsReportedOnThePageNotFatal() throws Exception {
        Path results = Fixtures.copy(Fixtures.RUN_B, temp);
        Files.writeString(temp.resolve("results-2026-12-01.context.json"), "{ machine: oops");

        RunResults run = RunReader.read(results, "b");

        assertThat(run.context()).isEmpty();
        assertThat(run.contextProblem()).contains("results-2026-12-01.context.json", "not valid JSON");
    }

    @Test
    void leavesOutSecondaryMetricsThatAreNotTimes() throws Exception {
        Path file = ResultsFileBuilder.file()
                .add(Operation.SEND, new double[] {1})
                .secondary("\u00b7gc.alloc.rate", "MB/sec", new double[] {3.5})
                .secondary(SecondaryMetric.HAND_TIMED.jmhName(), "ns/op", new double[] {1100})
                .done()
                .writeTo(temp.resolve("r.json"));

        Measurement read = RunReader.read(file, "r").measurements().get(0);

        assertThat(read.otherTimes()).containsOnlyKeys(SecondaryMetric.HAND_TIMED.jmhName());
        assertThat(read.otherTimes().get(SecondaryMetric.HAND_TIMED.jmhName()).score())
                .isCloseTo(1.1, offset(1e-12));
    }

    @Test
    void aSlowestRankThatIsNotATimeIsRefused() throws Exception {
        Path file = ResultsFileBuilder.file()
                .add(Operation.BCAST, new double[] {1})
                .secondary(SecondaryMetric.SLOWEST_RANK.jmhName(), "B/op", new double[] {3.5})
                .done()
                .writeTo(temp.resolve("r.json"));

        assertThatThrownBy(() -> RunReader.read(file, "r"))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("slowestRank: unsupported score unit 'B/op'");
    }

    @Test
    void anEmptyResultsArrayPointsToTheContextFile() throws Exception {
        Path file = Files.writeString(temp.resolve("r.json"), "[ ]");
        Files.writeString(temp.resolve("r.context.json"), "{\"failedJobs\": []}");

        assertThatThrownBy(() -> RunReader.read(file, "r"))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("no benchmark results")
                .hasMessageContaining("r.context.json may say which jobs failed");
    }
}

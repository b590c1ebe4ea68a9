package org.jmpibench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading JMH's JSON: units, JMH's "NaN" strings, operation names, the context file. */
class JmhResultsReaderTest {
  @TempDir Path temp;

  private final JmhResultsReader reader = new JmhResultsReader();

  @Test
  void readsTheFixtureWithItsParamsMetricsAndContext() throws Exception {
    Path results = Fixtures.copy(Fixtures.RUN_A, temp);
    Fixtures.copy(Fixtures.RUN_A_CONTEXT, temp);

    RunResults run = reader.read(results, "a");

    assertThat(run.measurements()).hasSize(147);
    Measurement first = run.measurements().get(0);
    assertThat(first.operation()).isEqualTo("send");
    assertThat(first.backend()).isEqualTo("loopback");
    assertThat(first.ranks()).hasValue(2);
    assertThat(first.sizeElements()).hasValue(1);
    assertThat(first.sizeBytes()).hasValue(4);
    assertThat(first.time().scoreUs()).isCloseTo(13.92, offset(0.01));
    assertThat(first.time().lowerUs()).isLessThan(first.time().scoreUs());
    assertThat(first.slowestRank()).isNull();
    assertThat(run.measurements()).filteredOn(m -> m.operation().equals("bcast"))
        .allSatisfy(m -> assertThat(m.slowestRank()).isNotNull());
    assertThat(first.otherTimes()).containsOnlyKeys("handTimed");
    assertThat(first.otherTimes().get("handTimed").scoreUs()).isPositive();
    assertThat(run.context())
        .containsEntry("cores", "2")
        .containsEntry("np", "2, 4")
        .containsEntry("backends.openmpi.version", "Open MPI 4.1.4 (Debian)")
        .containsEntry("jvm.vmVersion", "17.0.15+6-Debian-1deb12u1")
        .containsEntry("failedJobs[0].params", "backend=mpj-niodev,buffer=array,np=4,size=1048576");
    assertThat(run.jmhSettings()).containsEntry("jmhVersion", "1.37").containsEntry("forks", "2");
  }

  @Test
  void readsJmhNaNStringsAsUnknownError() throws Exception {
    Path file = write("[" + result("org.jmpibench.harness.Bcast.bcast", "avgt",
        "{\"score\": 2.5, \"scoreError\": \"NaN\", \"scoreConfidence\": [\"NaN\", \"NaN\"], \"scoreUnit\": "
            + "\"us/op\", \"rawData\": [[2.5]]}") + "]");

    Metric time = reader.read(file, "r").measurements().get(0).time();

    assertThat(time.scoreUs()).isEqualTo(2.5);
    assertThat(time.errorUs()).isNaN();
    assertThat(time.lowerUs()).isNaN();
  }

  @Test
  void convertsTimeUnitsToMicroseconds() throws Exception {
    Path file = write("[" + result("x.PingPong.pingPong", "avgt",
        "{\"score\": 1500, \"scoreError\": 100, \"scoreConfidence\": [1400, 1600], \"scoreUnit\": \"ns/op\"}")
        + "," + result("x.Bcast.bcast", "ss",
        "{\"score\": 2, \"scoreError\": 0.5, \"scoreConfidence\": [1.5, 2.5], \"scoreUnit\": \"ms/op\"}") + "]");

    List<Measurement> read = reader.read(file, "r").measurements();

    assertMetric(read.get(0).time(), 1.5, 0.1, 1.4, 1.6);
    assertMetric(read.get(1).time(), 2000, 500, 1500, 2500);
  }

  @Test
  void invertsThroughputIntoTimePerOperation() throws Exception {
    Path file = write("[" + result("x.PingPong.pingPong", "thrpt",
        "{\"score\": 0.5, \"scoreError\": 0.1, \"scoreConfidence\": [0.4, 0.6], \"scoreUnit\": \"ops/us\"}") + "]");

    Metric time = reader.read(file, "r").measurements().get(0).time();

    assertThat(time.scoreUs()).isCloseTo(2.0, offset(1e-12));
    assertThat(time.lowerUs()).isCloseTo(1 / 0.6, offset(1e-12));
    assertThat(time.upperUs()).isCloseTo(1 / 0.4, offset(1e-12));
  }

  @Test
  void namesOperationsByClassAndFallsBackToTheMethodName() {
    assertThat(Operations.of("org.jmpibench.harness.PingPong.pingPong")).isEqualTo("send");
    assertThat(Operations.of("org.jmpibench.harness.Bcast.anything")).isEqualTo("bcast");
    assertThat(Operations.of("org.jmpibench.harness.GatherAverage.run")).isEqualTo("gather-average");
    assertThat(Operations.of("org.other.Allreduce.allReduceSum")).isEqualTo("allreducesum");
    assertThat(Operations.of("org.other.Odd.we!rd_Name")).isEqualTo("we-rd-name");
  }

  @Test
  void ordersOperationsSendFirstThenCollectivesThenOthers() throws Exception {
    Path file = write("[" + result("x.Other.zeta", "avgt", US) + "," + result("x.GatherAverage.g", "avgt", US) + ","
        + result("x.Bcast.b", "avgt", US) + "," + result("x.Other.alpha", "avgt", US) + ","
        + result("x.PingPong.p", "avgt", US) + "]");

    ReportData data = new ReportData(List.of(reader.read(file, "r")));

    assertThat(data.operations()).containsExactly("send", "bcast", "gather-average", "zeta", "alpha");
  }

  @Test
  void aBrokenContextFileIsReportedOnThePageNotFatal() throws Exception {
    Path results = Fixtures.copy(Fixtures.RUN_B, temp);
    Files.writeString(temp.resolve("results-2026-12-01.context.json"), "{ machine: oops");

    RunResults run = reader.read(results, "b");

    assertThat(run.context()).isEmpty();
    assertThat(run.contextProblem()).contains("results-2026-12-01.context.json", "not valid JSON");
  }

  @Test
  void leavesOutSecondaryMetricsThatAreNotTimes() throws Exception {
    Path file = write("[{\"benchmark\": \"x.PingPong.p\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1,"
        + " \"scoreUnit\": \"us/op\"}, \"secondaryMetrics\": {\"\u00b7gc.alloc.rate\": {\"score\": 3.5,"
        + " \"scoreUnit\": \"MB/sec\"}, \"handTimed\": {\"score\": 1100, \"scoreUnit\": \"ns/op\"}}}]");

    Measurement read = reader.read(file, "r").measurements().get(0);

    assertThat(read.otherTimes()).containsOnlyKeys("handTimed");
    assertThat(read.otherTimes().get("handTimed").scoreUs()).isCloseTo(1.1, offset(1e-12));
  }

  @Test
  void anEmptyResultsArrayPointsToTheContextFile() throws Exception {
    Path file = write("[ ]");
    Files.writeString(temp.resolve("r.context.json"), "{\"failedJobs\": []}");

    assertThatThrownBy(() -> reader.read(file, "r")).isInstanceOf(ReportException.class)
        .hasMessageContaining("no benchmark results").hasMessageContaining("r.context.json may say which jobs failed");
  }

  @Test
  void refusesAResultWithoutPrimaryMetric() throws Exception {
    Path file = write("[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\"}]");

    assertThatThrownBy(() -> reader.read(file, "r")).isInstanceOf(ReportException.class)
        .hasMessageContaining("result #1 has no 'benchmark' and 'primaryMetric'");
  }

  private static void assertMetric(Metric metric, double score, double error, double lower, double upper) {
    assertThat(metric.scoreUs()).isCloseTo(score, offset(1e-9));
    assertThat(metric.errorUs()).isCloseTo(error, offset(1e-9));
    assertThat(metric.lowerUs()).isCloseTo(lower, offset(1e-9));
    assertThat(metric.upperUs()).isCloseTo(upper, offset(1e-9));
  }

  private static final String US = "{\"score\": 1, \"scoreUnit\": \"us/op\"}";

  private Path write(String json) throws Exception {
    return Files.writeString(temp.resolve("r.json"), json);
  }

  private static String result(String benchmark, String mode, String primaryMetric) {
    return "{\"jmhVersion\": \"1.37\", \"benchmark\": \"" + benchmark + "\", \"mode\": \"" + mode + "\", "
        + "\"params\": {\"backend\": \"shm\", \"np\": \"2\", \"size\": \"16\"}, \"primaryMetric\": "
        + primaryMetric + ", \"secondaryMetrics\": {}}";
  }
}

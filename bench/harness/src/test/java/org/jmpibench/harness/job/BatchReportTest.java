package org.jmpibench.harness.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchReportTest {

    @Test
    void reportsTotalsAndTheLastBatch() {
        BatchReport report = new BatchReport();
        report.batch(1_000, 10);
        report.batch(9_000, 30);
        double[] wire = new double[2 * BatchReport.LENGTH];

        report.writeTo(wire, BatchReport.LENGTH);

        assertThat(BatchReport.ops(wire, BatchReport.LENGTH)).isEqualTo(40);
        assertThat(BatchReport.lastOps(wire, BatchReport.LENGTH)).isEqualTo(30);
        assertThat(BatchReport.nsPerOp(wire, BatchReport.LENGTH, false)).isEqualTo(250.0);
    }

    @Test
    void leavesOutACutLastBatchOnlyWhenOthersRemain() {
        BatchReport report = new BatchReport();
        report.batch(1_000, 10);
        report.batch(200_000_000, 5_000); // a stall in the batch JMH's window closed in
        double[] wire = new double[BatchReport.LENGTH];
        report.writeTo(wire, 0);

        assertThat(BatchReport.nsPerOp(wire, 0, true)).isEqualTo(100.0);

        BatchReport single = new BatchReport();
        single.batch(5_000, 50);
        single.writeTo(wire, 0);
        assertThat(BatchReport.nsPerOp(wire, 0, true)).isEqualTo(100.0);
    }

    @Test
    void clearStartsAFreshIteration() {
        BatchReport report = new BatchReport();
        report.batch(1_000, 10);
        report.clear();
        double[] wire = new double[BatchReport.LENGTH];
        report.writeTo(wire, 0);

        assertThat(BatchReport.nsPerOp(wire, 0, false)).isNaN();
    }
}

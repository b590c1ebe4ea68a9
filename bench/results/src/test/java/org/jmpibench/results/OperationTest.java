package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OperationTest {

    @Test
    void benchmarkNamesAreTheHarnesssOwn() {
        assertThat(Operation.SEND.benchmarkName()).isEqualTo("org.jmpibench.harness.PingPong.send");
        assertThat(Operation.ofBenchmark("org.jmpibench.harness.GatherAverage.gatherAverage"))
                .contains(Operation.GATHER_AVERAGE);
        assertThat(Operation.ofBenchmark("org.jmpibench.harness.PingPong.pingPong")).isEmpty();
        assertThat("org.jmpibench.harness.PingPong.send").matches(".*" + Operation.SEND.includePattern().substring(1));
        assertThat("org.jmpibench.harness.PingPong.sendMore").doesNotMatch(".*"
                + Operation.SEND.includePattern().substring(1));
    }

    @Test
    void pairsHaveBandwidthAndAHandTimedLoopCollectivesTheSlowestRank() {
        assertThat(Operation.SEND.hasBandwidth()).isTrue();
        assertThat(Operation.SEND.shape().secondaryMetric()).isEqualTo(SecondaryMetric.HAND_TIMED);
        assertThat(Operation.SEND.messagesPerInvocation()).isEqualTo(2);
        assertThat(Operation.BCAST.hasBandwidth()).isFalse();
        assertThat(Operation.BCAST.shape().secondaryMetric()).isEqualTo(SecondaryMetric.SLOWEST_RANK);
    }

    @Test
    void gatherAverageIsTimedInThreePhasesInTheOrderTheyRun() {
        assertThat(Operation.GATHER_AVERAGE.phases()).containsExactly(SecondaryMetric.GATHER_PHASE,
                SecondaryMetric.AVERAGE_PHASE, SecondaryMetric.BCAST_PHASE);
        assertThat(Operation.GATHER.phases()).isEmpty();
        assertThat(Operation.GATHER.shape().secondaryMetric()).isEqualTo(SecondaryMetric.SLOWEST_RANK);
        assertThat(Operation.byName("gather").benchmarkName()).isEqualTo("org.jmpibench.harness.Gather.gather");
    }

    @Test
    void unknownNameNamesTheKnownOnes() {
        assertThat(Operation.byName(" gather-average ")).isEqualTo(Operation.GATHER_AVERAGE);
        assertThatThrownBy(() -> Operation.byName("reduce")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown operation 'reduce'; known operations: send, bcast, gather, gather-average");
    }
}

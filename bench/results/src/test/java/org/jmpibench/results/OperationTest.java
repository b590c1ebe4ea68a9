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
        assertThat(Operation.ofBenchmark("org.jmpibench.harness.PingPong.pingPong"))
                .isEmpty();
        assertThat("org.jmpibench.harness.PingPong.send")
                .matches(".*" + Operation.SEND.includePattern().substring(1));
        assertThat("org.jmpibench.harness.PingPong.sendMore")
                .doesNotMatch(".*" + Operation.SEND.includePattern().substring(1));
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
        assertThat(Operation.GATHER_AVERAGE.phases())
                .containsExactly(
                        SecondaryMetric.GATHER_PHASE, SecondaryMetric.AVERAGE_PHASE, SecondaryMetric.BCAST_PHASE);
        assertThat(Operation.GATHER.phases()).isEmpty();
        assertThat(Operation.GATHER.shape().secondaryMetric()).isEqualTo(SecondaryMetric.SLOWEST_RANK);
        assertThat(Operation.byName("gather").benchmarkName()).isEqualTo("org.jmpibench.harness.Gather.gather");
    }

    @Test
    void unknownNameNamesTheKnownOnes() {
        assertThat(Operation.byName(" gather-average ")).isEqualTo(Operation.GATHER_AVERAGE);
        assertThatThrownBy(() -> Operation.byName("reduction"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown operation 'reduction'; known operations: send, bw, bibw, bcast, gather, "
                        + "gather-average, allreduce-average, allreduce, reduce, allgather, alltoall, scatter, "
                        + "reduce-scatter, barrier");
    }

    @Test
    void aWindowIsOsusSixtyFourMessagesAndItsScoreIsATimePerMessage() {
        assertThat(Operation.WINDOW).isEqualTo(64);
        assertThat(Operation.BW.messagesPerInvocation()).isEqualTo(64);
        assertThat(Operation.BIBW.messagesPerInvocation()).as("both directions").isEqualTo(128);
        assertThat(Operation.BW.hasBandwidth()).isTrue();
        assertThat(Operation.BIBW.shape().secondaryMetric()).isEqualTo(SecondaryMetric.HAND_TIMED);
    }

    @Test
    void theRootedCollectivesAreTheOnesWithARootParameterAndBarrierHasNoSize() {
        assertThat(java.util.Arrays.stream(Operation.values()).filter(Operation::rooted))
                .containsExactly(
                        Operation.BCAST,
                        Operation.GATHER,
                        Operation.GATHER_AVERAGE,
                        Operation.REDUCE,
                        Operation.SCATTER);
        assertThat(java.util.Arrays.stream(Operation.values()).filter(Operation::sizeLess))
                .containsExactly(Operation.BARRIER);
    }

    @Test
    void aRootIsARankOrRotateAndZeroIsNeutral() {
        assertThat(Root.rank("rotate")).isEqualTo(Root.ROTATING);
        assertThat(Root.rank(" 3 ")).isEqualTo(3);
        assertThat(Root.value(Root.ROTATING)).isEqualTo("rotate");
        assertThat(Param.ROOT.isNeutral("0")).isTrue();
        assertThat(Param.ROOT.problemWith("rotate")).isEmpty();
        assertThat(Param.ROOT.problemWith("-1"))
                .hasValueSatisfying(p -> assertThat(p).contains("'-1'"));
        assertThatThrownBy(() -> Root.rank("first"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad root 'first', expected a rank (0, 1, ...) or rotate");
        assertThat(Root.label("rotate")).isEqualTo("rotating root");
        assertThat(Root.label("2")).isEqualTo("root 2");
    }
}

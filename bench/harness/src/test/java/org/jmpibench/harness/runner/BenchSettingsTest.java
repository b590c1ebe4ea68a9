package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jmpibench.harness.job.BufferKind;
import org.jmpibench.results.Operation;
import org.jmpibench.spi.Idle;
import org.jmpibench.spi.Jdk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchSettingsTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty("bench.np");
        System.clearProperty("bench.sizes");
        System.clearProperty("bench.idle");
        System.clearProperty("bench.jdk");
        System.clearProperty("bench.root");
    }

    @Test
    void ranksRunOnTheHarnessesJdkUnlessAJdkIsNamedByTheOptionOrTheProperty() {
        BenchSettings unasked = new BenchSettings.Builder().build();
        assertThat(unasked.jdks()).containsExactly(RunJdk.harnessJdk());
        assertThat(unasked.jdks().get(0).forJob())
                .as("jobs keep their launcher's JDK")
                .isNull();
        assertThat(unasked.toString()).doesNotContain("jdk");

        String here = Integer.toString(Runtime.version().feature());
        System.setProperty("bench.jdk", here + "," + Jdk.current().home());
        BenchSettings asked = new BenchSettings.Builder().build();
        assertThat(asked.jdks())
                .as("one JDK named twice counts once")
                .singleElement()
                .satisfies(jdk -> {
                    assertThat(jdk.chosen()).isTrue();
                    assertThat(jdk.release()).isEqualTo(here);
                    assertThat(jdk.forJob()).as("jobs are told which JDK").isEqualTo(jdk.jdk());
                });
        assertThat(asked.toString()).contains("jdk=[" + here + "]");
    }

    @Test
    void idleIsDefaultOnlyUnlessAsked() {
        assertThat(new BenchSettings.Builder().build().idles()).containsExactly(Idle.DEFAULT);
        assertThat(new BenchSettings.Builder().build().toString()).doesNotContain("idle");
    }

    @Test
    void idleListComesFromTheOptionOrTheProperty() {
        BenchSettings asked =
                new BenchSettings.Builder().idles("spin, yield,block,spin").build();
        assertThat(asked.idles()).containsExactly(Idle.SPIN, Idle.YIELD, Idle.BLOCK);
        assertThat(asked.toString()).contains("idle=[spin, yield, block]");

        System.setProperty("bench.idle", "default,block");
        assertThat(new BenchSettings.Builder().build().idles()).containsExactly(Idle.DEFAULT, Idle.BLOCK);
        assertThat(new BenchSettings.Builder().idles("spin").build().idles()).containsExactly(Idle.SPIN);
    }

    @Test
    void unknownIdleNamesTheValue() {
        assertThatThrownBy(() -> new BenchSettings.Builder().idles("spin,nap").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nap'")
                .hasMessageContaining("default, spin, yield, block");
        assertThatThrownBy(
                        () -> new BenchSettings.Builder().idles("spin,,yield").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty value in idle");
    }

    @Test
    void quickProfileIsTheDocumentedMatrix() {
        BenchSettings quick = new BenchSettings.Builder().build();

        assertThat(quick.ops())
                .containsExactly(
                        Operation.SEND,
                        Operation.BW,
                        Operation.BCAST,
                        Operation.ALLREDUCE,
                        Operation.GATHER_AVERAGE,
                        Operation.ALLREDUCE_AVERAGE);
        assertThat(quick.sizes()).containsExactly(1, 65536);
        assertThat(quick.nps()).containsExactly(2, 4);
        assertThat(quick.buffers()).containsExactly(BufferKind.ARRAY);
        assertThat(quick.backends()).isEmpty();
        assertThat(quick.forks()).isEqualTo(1);
        assertThat(quick.warmupIterations()).isEqualTo(2);
        assertThat(quick.measurementIterations()).isEqualTo(5);
        assertThat(quick.measurementTime().convertTo(TimeUnit.MILLISECONDS)).isEqualTo(200);
        assertThat(quick.resultsDir()).isEqualTo(Path.of("results"));
        assertThat(quick.benchmarksPerGroup()).isEqualTo(12);
        assertThat(quick.root()).isEqualTo("0");
    }

    @Test
    void theQuickProfileStaysWithinTenMinutesForFiveBackendsAtThreeSecondsAJob() {
        BenchSettings quick = new BenchSettings.Builder().build();

        int jobs = 5 * quick.nps().size() * quick.benchmarksPerGroup() * quick.forks();
        assertThat(jobs * 3).as("seconds, the estimate in Profile's Javadoc").isLessThanOrEqualTo(10 * 60);
    }

    @Test
    void theOsuProfileCoversEveryOperationAndBarrierRunsOnceAtSizeZero() {
        BenchSettings osu = new BenchSettings.Builder().profile("osu").build();

        assertThat(osu.ops()).containsExactly(Operation.values());
        assertThat(osu.sizes()).startsWith(1, 4).endsWith(1 << 20).hasSize(11);
        assertThat(osu.benchmarksPerGroup()).isEqualTo((Operation.values().length - 1) * 11 + 1);
        assertThat(BenchKey.matrix(osu))
                .filteredOn(key -> key.op() == Operation.BARRIER)
                .containsExactly(new BenchKey(Operation.BARRIER, Operation.NO_SIZE, BufferKind.ARRAY));
    }

    @Test
    void opsAllIsEveryOperation() {
        assertThat(new BenchSettings.Builder().ops("all").build().ops()).containsExactly(Operation.values());
    }

    @Test
    void theRootIsARankOfEveryJobOrRotate() {
        assertThat(new BenchSettings.Builder().root("rotate").build().root()).isEqualTo("rotate");
        assertThat(new BenchSettings.Builder().root(" 1 ").nps("2,4").build().toString())
                .contains("root=1");
        assertThatThrownBy(() -> new BenchSettings.Builder()
                        .root("2")
                        .nps("2,4")
                        .ops("bcast")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("root 2 is not a rank of every job: np 2 has ranks 0..1");
        assertThatThrownBy(() -> new BenchSettings.Builder().root("last").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'last'")
                .hasMessageContaining("rotate");
        // Without a rooted operation the root is not used, so it cannot be wrong.
        assertThat(new BenchSettings.Builder()
                        .root("7")
                        .ops("send,allreduce")
                        .build()
                        .root())
                .isEqualTo("7");
    }

    @Test
    void fullProfileGoesTo4MiWithBothBufferKinds() {
        BenchSettings full = new BenchSettings.Builder().profile("full").build();

        assertThat(full.sizes()).startsWith(1).endsWith(4 << 20);
        assertThat(full.buffers()).containsExactly(BufferKind.ARRAY, BufferKind.DIRECT);
    }

    @Test
    void explicitValuesBeatPropertiesWhichBeatTheProfile() {
        System.setProperty("bench.np", "3");
        System.setProperty("bench.sizes", "2Ki");

        BenchSettings settings = new BenchSettings.Builder().nps("2,8").build();

        assertThat(settings.nps()).containsExactly(2, 8);
        assertThat(settings.sizes()).containsExactly(2048);
    }

    @Test
    void acceptsJmhStyleTimes() {
        BenchSettings settings = new BenchSettings.Builder()
                .warmupTime("1")
                .measurementTime("50ms")
                .build();

        assertThat(settings.warmupTime().convertTo(TimeUnit.MILLISECONDS)).isEqualTo(1000);
        assertThat(settings.measurementTime().convertTo(TimeUnit.MILLISECONDS)).isEqualTo(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0", "-2", "65", "two", "2,", "2.5"})
    void refusesBadRankCounts(String np) {
        assertThatThrownBy(() -> new BenchSettings.Builder().nps(np).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("np");
    }

    @Test
    void refusesUnknownNamesNamingThem() {
        assertThatThrownBy(
                        () -> new BenchSettings.Builder().ops("send,reduction").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'reduction'")
                .hasMessageContaining("gather-average");
        assertThatThrownBy(() -> new BenchSettings.Builder().buffers("heap").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'heap'");
        assertThatThrownBy(() -> new BenchSettings.Builder().profile("slow").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'slow'");
    }

    @Test
    void refusesBadIterationSettings() {
        assertThatThrownBy(() -> new BenchSettings.Builder().forks("0").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forks");
        assertThatThrownBy(() ->
                        new BenchSettings.Builder().measurementIterations("0").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("measurement iterations");
        assertThatThrownBy(() ->
                        new BenchSettings.Builder().measurementTime("fast").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fast'");
        assertThatThrownBy(
                        () -> new BenchSettings.Builder().warmupIterations("x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'");
    }

    @Test
    void refusesAMatrixThatCannotFitInMemory() {
        assertThatThrownBy(() ->
                        new BenchSettings.Builder().sizes("256Mi").nps("64").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256Mi")
                .hasMessageContaining("np 64");
    }

    @Test
    void jobTimeoutCoversEveryIterationAndTheWatchdog() {
        BenchSettings settings = new BenchSettings.Builder()
                .warmupIterations("2")
                .warmupTime("1s")
                .measurementIterations("3")
                .measurementTime("1s")
                .watchdogSeconds("10")
                .build();

        // The launcher's limit is the last resort: longer than all iterations and than one watchdog period.
        assertThat(settings.jobTimeoutSeconds()).isGreaterThan(5 + 10);
    }

    @Test
    void listsAreRecordedInOrder() {
        BenchSettings settings = new BenchSettings.Builder()
                .backends("shm, loopback")
                .ops("gather-average,send")
                .buffers("direct,array")
                .build();

        assertThat(settings.backends()).isEqualTo(List.of("shm", "loopback"));
        assertThat(settings.ops()).containsExactly(Operation.GATHER_AVERAGE, Operation.SEND);
        assertThat(settings.buffers()).containsExactly(BufferKind.DIRECT, BufferKind.ARRAY);
    }
}

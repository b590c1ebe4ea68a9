package org.jmpibench.mpjexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jmpibench.conformance.ConformanceSuite;
import org.jmpibench.conformance.FaultyRank;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.JobOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MpjSmpdevConformanceTest extends ConformanceSuite {

    @Override
    protected Backend backend() {
        return new MpjSmpdevBackend();
    }

    /**
     * Every smpdev rank is a thread of one JVM: "kill -9 rank 1" kills the JVM and every rank with it, and no one is
     * left to say which rank sent the signal. What does hold: the job fails at once rather than at the time limit, the
     * failure names the backend and the signal, and nothing is left running (checked after each test).
     */
    @Test
    @Override
    @DisplayName("kill -9 from a rank kills the one JVM: the job fails promptly, naming the signal")
    protected void aRankKilledWithSigkillFailsTheJobAndIsNamed() {
        JobOutcome outcome = run(2, Duration.ofSeconds(30), FaultyRank.class, "kill", "1");
        assertThat(outcome.succeeded()).as(outcome::toString).isFalse();
        assertThat(outcome.timedOut()).as(outcome::toString).isFalse();
        assertThat(outcome.failure()).contains(backend().name()).contains("killed by signal 9");
    }

    @Override
    protected boolean eachRankIsAProcess() {
        return false;
    }
}

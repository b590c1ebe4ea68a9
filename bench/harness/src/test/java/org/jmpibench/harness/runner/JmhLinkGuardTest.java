package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.link.BinaryLinkServer;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/** JMH 1.37's real link server, reached by a silent stranger and then by the fork. */
class JmhLinkGuardTest {

    @Test
    void aSecondConnectionToJmhsLinkIsCaughtWhereJmhWouldOnlyPrintAStackTrace() throws Exception {
        CountDownLatch stranger = new CountDownLatch(1);
        ByteArrayOutputStream jmhOutput = new ByteArrayOutputStream();
        BinaryLinkServer link = new BinaryLinkServer(
                new OptionsBuilder().build(),
                OutputFormatFactory.createFormatInstance(
                        new PrintStream(jmhOutput, true, StandardCharsets.UTF_8), VerboseMode.SILENT));
        try (JmhLinkGuard guard = JmhLinkGuard.watch(stranger::countDown);
                Socket silent = new Socket(link.getHost(), link.getPort());
                Socket fork = new Socket(link.getHost(), link.getPort())) {
            assertThat(stranger.await(60, TimeUnit.SECONDS))
                    .as("the guard saw JMH's acceptor die")
                    .isTrue();
        } finally {
            link.terminate();
        }
    }

    @Test
    void otherUncaughtExceptionsGoWhereTheyWentBefore() throws Exception {
        CountDownLatch before = new CountDownLatch(1);
        Thread.UncaughtExceptionHandler original = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> before.countDown());
        try (JmhLinkGuard guard = JmhLinkGuard.watch(() -> {
            throw new AssertionError("not a stranger");
        })) {
            Thread failing = new Thread(() -> {
                throw new IllegalStateException("some other thread");
            });
            failing.start();
            failing.join();
            assertThat(before.await(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(original);
        }
    }
}

package org.jmpibench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jmpibench.results.GitState;
import org.jmpibench.results.RunContext;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Backend;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.JobLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which backends run, by default and when asked for, on one host and on several. */
class BackendChoiceTest {

    /** A backend that is only what the choice looks at. */
    private record Fake(String name, boolean spansHosts, String singleHostFormName, boolean available)
            implements Backend {
        @Override
        public Availability availability() {
            return available ? Availability.available("v1") : Availability.unavailable("not installed");
        }

        @Override
        public Optional<String> singleHostForm() {
            return Optional.ofNullable(singleHostFormName);
        }

        @Override
        public JobLauncher launcher() {
            throw new UnsupportedOperationException("never started here");
        }

        @Override
        public Communicator joinJob() {
            throw new UnsupportedOperationException("never started here");
        }
    }

    private static final List<Backend> ALL = List.of(
            new Fake("shm", false, null, true),
            new Fake("loopback", false, null, true),
            new Fake("tcp", true, "loopback", true),
            new Fake("openmpi", true, null, true),
            new Fake("mpj-niodev", true, null, false));

    @TempDir
    Path dir;

    private RunHosts severalHosts() throws Exception {
        Path hostfile = Files.writeString(dir.resolve("hosts"), "localhost slots=1\n192.0.2.7 slots=1\n");
        return RunHosts.of(HostOptions.of(hostfile.toString(), null, null, null), List.of(2));
    }

    private static RunContext.Builder context() {
        return new RunContext.Builder(ZonedDateTime.now(), "here", new GitState(null, null, "test"));
    }

    private static List<String> names(BackendChoice choice) {
        return choice.toRun().stream().map(Backend::name).toList();
    }

    @Test
    void onOneHostTheDefaultSetLeavesOutWhatIsAnotherBackendThere() {
        RunContext.Builder context = context();

        BackendChoice choice = BackendChoice.choose(ALL, List.of(), RunHosts.thisMachine(), context);

        assertThat(names(choice)).containsExactly("loopback", "openmpi", "shm");
        assertThat(choice.lines())
                .contains(
                        "  skip  tcp: on one host it is loopback under another name (ask for it "
                                + "with --backends, or give a hostfile of several hosts)",
                        "  skip  mpj-niodev: not installed");
        assertThat(context.build().flatten())
                .containsEntry("backends.tcp.selected", "false")
                .containsEntry("backends.loopback.selected", "true");
    }

    @Test
    void askedForByNameItRunsOnOneHostToo() {
        BackendChoice choice = BackendChoice.choose(ALL, List.of("tcp", "loopback"), RunHosts.thisMachine(), context());

        assertThat(names(choice)).containsExactly("loopback", "tcp");
        assertThat(choice.lines()).noneMatch(line -> line.contains("skip"));
    }

    @Test
    void onSeveralHostsSingleHostBackendsAreSkippedWithTheReason() throws Exception {
        BackendChoice byDefault = BackendChoice.choose(ALL, List.of(), severalHosts(), context());
        BackendChoice asked = BackendChoice.choose(ALL, List.of("shm", "tcp"), severalHosts(), context());

        assertThat(names(byDefault)).containsExactly("openmpi", "tcp");
        assertThat(byDefault.lines())
                .contains("  skip  shm: runs on one host only, and the hostfile names several "
                        + "(localhost slots=1, 192.0.2.7 slots=1)")
                .anyMatch(line -> line.startsWith("  skip  loopback: "));
        assertThat(names(asked)).containsExactly("tcp");
        assertThat(asked.lines()).anyMatch(line -> line.startsWith("  skip  shm: runs on one host only"));
    }

    @Test
    void nothingLeftSaysSo() throws Exception {
        BackendChoice choice = BackendChoice.choose(ALL, List.of("shm"), severalHosts(), context());

        assertThat(choice.toRun()).isEmpty();
        assertThat(choice.lines()).last().isEqualTo("  no selected backend is available here: nothing to run");
    }
}

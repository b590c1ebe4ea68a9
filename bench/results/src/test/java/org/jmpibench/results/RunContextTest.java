package org.jmpibench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunContextTest {

    private static final ZonedDateTime STARTED = ZonedDateTime.of(2026, 11, 30, 14, 5, 9, 0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** A context as the harness writes one. */
    static RunContext.Builder harnessLike(GitState git) {
        Map<Param, List<?>> params = new LinkedHashMap<>();
        params.put(Param.NP, List.of(2, 4));
        params.put(Param.SIZE, List.of(1, 1024));
        params.put(Param.BUFFER, List.of("array"));
        params.put(Param.IDLE, List.of("default", "spin"));
        return new RunContext.Builder(STARTED, "node-1", git)
                .backend("loopback", true, "TCP 127.0.0.1", null, true)
                .backend("openmpi", false, null, "libmpi_java.so not found", false)
                .matrix("quick", List.of(Operation.SEND, Operation.BCAST), params)
                .variants(List.of("loopback", "loopback/spin"))
                .jmh(Map.of("version", "1.37", "forks", 1));
    }

    @Test
    void whatTheWriterWritesTheReaderReads() throws IOException {
        RunContext.Builder builder = harnessLike(new GitState("0123abcd", true, null));
        builder.failed(new RunContext.FailedJob(
                "loopback",
                4,
                Operation.BCAST.benchmarkName(),
                "backend=loopback,np=4,size=1",
                "rank 1 exited with status 3"));
        builder.progress(STARTED.plusMinutes(1), "20261130-140509-node-1.json", false, 3, 8);
        Path file = Files.write(dir.resolve("run.context.json"), builder.build().toJson());

        RunContext read = RunContext.read(file);

        assertThat(read.host()).isEqualTo("node-1");
        assertThat(read.gitCommit()).isEqualTo("0123abcd");
        assertThat(read.gitDirty()).contains(true);
        assertThat(read.cpuModel()).isEqualTo(Machine.cpuModel());
        assertThat(read.complete()).isFalse();
        assertThat(read.benchmarksDone()).isEqualTo(3);
        assertThat(read.benchmarksTotal()).isEqualTo(8);
        assertThat(read.results()).isEqualTo("20261130-140509-node-1.json");
        assertThat(read.variants()).containsExactly("loopback", "loopback/spin");
        assertThat(read.matrix("ops")).containsExactly("send", "bcast");
        assertThat(read.matrix(Param.NP.jmhName())).containsExactly("2", "4");
        assertThat(read.failedJobs()).singleElement().satisfies(job -> {
            assertThat(job.np()).isEqualTo(4);
            assertThat(job.reason()).contains("rank 1");
        });
        assertThat(read.flatten())
                .containsEntry("schema", RunContext.SCHEMA)
                .containsEntry("git.commit", "0123abcd")
                .containsEntry("matrix.idle", "default, spin")
                .containsEntry("backends.loopback.version", "TCP 127.0.0.1")
                .containsEntry("backends.openmpi.reason", "libmpi_java.so not found")
                .containsEntry("failedJobs[0].params", "backend=loopback,np=4,size=1")
                .containsEntry("jmh.version", "1.37");
    }

    @Test
    void theHostsAndWhereEachGroupRanAreRecorded() throws IOException {
        Map<String, Integer> slots = new LinkedHashMap<>();
        slots.put("node01", 2);
        slots.put("node02", 2);
        RunContext.Builder builder = harnessLike(new GitState("0123abcd", false, null))
                .hostfile(slots, "node", "eth1", null)
                .placement(new RunContext.Placement("tcp", 2, "2hosts:0/1", "node01: rank 0; node02: rank 1"))
                .placement(
                        new RunContext.Placement("tcp", 4, "2hosts:0+2/1+3", "node01: ranks 0 2; node02: ranks 1 3"));
        Path file = Files.write(dir.resolve("run.context.json"), builder.build().toJson());

        RunContext read = RunContext.read(file);

        assertThat(read.placements())
                .extracting(RunContext.Placement::np, RunContext.Placement::layout)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "2hosts:0/1"),
                        org.assertj.core.groups.Tuple.tuple(4, "2hosts:0+2/1+3"));
        assertThat(read.placements().get(0).ranks()).isEqualTo("node01: rank 0; node02: rank 1");
        assertThat(read.flatten())
                .containsEntry("hostfile.hosts.node02.slots", "2")
                .containsEntry("hostfile.mapBy", "node")
                .containsEntry("hostfile.interface", "eth1")
                .containsEntry("hostfile.launchAgent", "");
    }

    @Test
    void everyJdkTheRanksRanOnIsRecordedWithItsExactBuildAndTheGateNotesAnotherBuild() throws IOException {
        RunContext.RankJdk debian17 = new RunContext.RankJdk(
                "17", "17.0.15+6-Debian-1deb12u1", "Debian", "/usr/lib/jvm/java-17-openjdk-amd64");
        RunContext.RankJdk temurin25 =
                new RunContext.RankJdk("25", "25.0.1+8-LTS", "Eclipse Adoptium", "/usr/lib/jvm/temurin-25-jdk-amd64");
        Path file = Files.write(
                dir.resolve("run.context.json"),
                harnessLike(new GitState("0123abcd", false, null))
                        .jdk(debian17)
                        .jdk(temurin25)
                        .build()
                        .toJson());
        RunContext newer17 = harnessLike(new GitState("0123abcd", false, null))
                .jdk(new RunContext.RankJdk("17", "17.0.16+8-Debian-1deb12u1", "Debian", debian17.home()))
                .build();

        RunContext read = RunContext.read(file);

        assertThat(read.jdks()).containsExactly(debian17, temurin25);
        assertThat(read.flatten())
                .containsEntry("jdks.25.version", "25.0.1+8-LTS")
                .containsEntry("jdks.25.vendor", "Eclipse Adoptium")
                .containsEntry("jdks.17.home", debian17.home());
        assertThat(read.environmentDifferences(newer17))
                .as("another build of one release is another environment")
                .containsOnlyKeys("jdks.17.version");
    }

    @Test
    void theLastProgressReplacesTheEarlierOne() {
        RunContext.Builder builder = harnessLike(new GitState(null, null, "not in a git checkout"));
        builder.progress(STARTED, "r.json", false, 0, 2);
        builder.progress(STARTED.plusSeconds(5), "r.json", true, 2, 2);

        Map<String, String> flat = builder.build().flatten();

        assertThat(flat)
                .containsEntry("complete", "true")
                .containsKey("finished")
                .doesNotContainKey("lastSaved")
                .containsEntry("git.commit", "")
                .containsEntry("git.unknown", "not in a git checkout");
    }

    @Test
    void theCommittedBaselinesContextIsRead() {
        Path context = Path.of("../../results/baseline/baseline.context.json");
        Assumptions.assumeTrue(Files.exists(context), "no committed baseline");

        RunContext read = RunContext.read(context);

        assertThat(read.host()).isNotBlank();
        assertThat(read.gitCommit()).as("schema /1 predates it").isNull();
        assertThat(read.complete()).isTrue();
        assertThat(read.flatten()).containsKey("jvm.version").containsKey("backends.shm.version");
        assertThat(read.jdks()).as("it predates the choice of JDK").isEmpty();
    }

    @Test
    void environmentDifferencesLeaveOutWhatDescribesTheRun() throws IOException {
        Path a = Files.writeString(
                dir.resolve("a.context.json"),
                "{\"schema\": \"jmpi-bench-context/1\","
                        + " \"host\": \"ci-1\", \"started\": \"2026-11-30T10:00Z\", \"git\": {\"commit\": \"abc\"},"
                        + " \"jvm\": {\"version\": \"17.0.13\", \"vendor\": \"Debian\"}, \"cores\": 2, \"np\": [2],"
                        + " \"backends\": [{\"name\": \"shm\", \"version\": \"1\", \"selected\": true}],"
                        + " \"jmh\": {\"forks\": 1, \"jobTimeoutSeconds\": 300}}");
        Path b = Files.writeString(
                dir.resolve("b.context.json"),
                "{\"host\": \"laptop\","
                        + " \"started\": \"2026-11-30T11:00Z\", \"git\": {\"commit\": \"def\"},"
                        + " \"jvm\": {\"version\": \"21.0.5\", \"vendor\": \"Debian\"}, \"cores\": 2, \"np\": [2, 4],"
                        + " \"backends\": [{\"name\": \"shm\", \"version\": \"2\", \"selected\": false}],"
                        + " \"jmh\": {\"forks\": 2, \"jobTimeoutSeconds\": 600}}");

        Map<String, List<String>> differences = RunContext.read(a).environmentDifferences(RunContext.read(b));

        assertThat(differences).containsOnlyKeys("host", "jvm.version", "backends.shm.version", "jmh.forks");
        assertThat(differences.get("host")).containsExactly("ci-1", "laptop");
    }

    @Test
    void aBrokenContextIsOneLineNamingTheFile() throws IOException {
        Path broken = Files.writeString(dir.resolve("x.context.json"), "{ machine: oops");
        Path foreign = Files.writeString(dir.resolve("y.context.json"), "{\"schema\": \"other/3\"}");
        Path array = Files.writeString(dir.resolve("z.context.json"), "[]");

        assertThatThrownBy(() -> RunContext.read(broken))
                .isInstanceOf(ResultsFileException.class)
                .hasMessageStartingWith("context file " + broken + ": not valid JSON (");
        assertThatThrownBy(() -> RunContext.read(foreign))
                .isInstanceOf(ResultsFileException.class)
                .hasMessageContaining("schema 'other/3' is not a jmpi-bench context");
        assertThatThrownBy(() -> RunContext.read(array))
                .isInstanceOf(ResultsFileException.class)
                .hasMessageContaining("expected a JSON object");
        assertThat(RunContext.besideResults(dir.resolve("none.json"))).isEmpty();
    }

    @Test
    void gitStateOfThisCheckoutAndOfNoCheckout() throws IOException {
        GitState here = GitState.of(Path.of("."));
        Assumptions.assumeTrue(here.commit() != null, "not built from a git checkout: " + here.unknown());
        assertThat(here.commit()).matches("[0-9a-f]{40}");
        assertThat(here.dirty()).isNotNull();

        GitState nowhere = GitState.of(Files.createDirectories(Path.of("/tmp").resolve(dir.getFileName())));
        try {
            assertThat(nowhere.commit()).isNull();
            assertThat(nowhere.dirty()).isNull();
            assertThat(nowhere.unknown()).isNotBlank();
        } finally {
            Files.deleteIfExists(Path.of("/tmp").resolve(dir.getFileName()));
        }
    }
}

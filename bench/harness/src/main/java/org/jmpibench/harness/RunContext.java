package org.jmpibench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmpibench.spi.Availability;
import org.jmpibench.spi.Idle;
import org.openjdk.jmh.util.Version;

/**
 * The {@code .context.json} next to the results: what ran where, so results can be compared honestly later —
 * backends (with versions, or why they were skipped), JVM, OS, cores, memory, the matrix, JMH's options, and
 * every job that failed.
 */
final class RunContext {

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Map<String, Object>> backends = new ArrayList<>();
    private final List<Map<String, Object>> failedJobs = new ArrayList<>();

    RunContext(ZonedDateTime started, String host, BenchSettings settings, Map<String, List<String>> jvmArgsPerNp) {
        root.put("schema", "jmpi-bench-context/1");
        root.put("started", started.toString());
        root.put("host", host);
        root.put("backends", backends);
        root.put("jvm", Map.of(
                "version", System.getProperty("java.version"),
                "vendor", System.getProperty("java.vendor"),
                "vmName", System.getProperty("java.vm.name"),
                "vmVersion", System.getProperty("java.vm.version"),
                "home", System.getProperty("java.home")));
        root.put("os", Map.of(
                "name", System.getProperty("os.name"),
                "version", System.getProperty("os.version"),
                "arch", System.getProperty("os.arch")));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("memoryBytes", MemoryPlan.physicalMemoryBytes());
        root.put("profile", settings.profile().cliName());
        root.put("ops", settings.ops().stream().map(Operation::cliName).toList());
        root.put("np", settings.nps());
        root.put("sizes", settings.sizes());
        root.put("buffers", settings.buffers().stream().map(BufferKind::cliName).toList());
        root.put("idle", settings.idles().stream().map(Idle::cliName).toList());
        Map<String, Object> jmh = new LinkedHashMap<>();
        jmh.put("version", Version.getPlainVersion());
        jmh.put("mode", "avgt");
        jmh.put("timeUnit", "us");
        jmh.put("forks", settings.forks());
        jmh.put("warmupIterations", settings.warmupIterations());
        jmh.put("warmupTime", settings.warmupTime().toString());
        jmh.put("measurementIterations", settings.measurementIterations());
        jmh.put("measurementTime", settings.measurementTime().toString());
        jmh.put("failOnError", true);
        jmh.put("jvmArgsPerNp", jvmArgsPerNp);
        jmh.put("profilers", List.of(RankMetricsProfiler.class.getName()));
        jmh.put("watchdogSeconds", settings.watchdogSeconds());
        jmh.put("jobTimeoutSeconds", settings.jobTimeoutSeconds());
        root.put("jmh", jmh);
        root.put("failedJobs", failedJobs);
    }

    void backend(String name, Availability availability, boolean selected) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("available", availability.available());
        entry.put("version", availability.version());
        entry.put("selected", selected);
        if (!availability.available()) {
            entry.put("reason", availability.reason());
        }
        backends.add(entry);
    }

    /** The (backend, idle) variants that ran, as labelled in the table: {@code shm}, {@code shm/spin}, ... */
    void variants(List<String> labels) {
        root.put("variants", List.copyOf(labels));
    }

    void failed(FailedJob job) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("backend", job.backend());
        entry.put("np", job.np());
        entry.put("benchmark", job.benchmark());
        entry.put("params", job.params());
        entry.put("reason", job.reason());
        failedJobs.add(entry);
    }

    /**
     * Marks how far the run got: {@code complete} false while jobs remain (the files then hold the finished
     * groups only, so a run stopped half-way by a signal or a crash keeps them).
     */
    void progress(ZonedDateTime at, String resultsFile, boolean complete, int benchmarksDone, int benchmarksTotal) {
        root.put(complete ? "finished" : "lastSaved", at.toString());
        if (complete) {
            root.remove("lastSaved");
        }
        root.put("complete", complete);
        root.put("benchmarksDone", benchmarksDone);
        root.put("benchmarksTotal", benchmarksTotal);
        root.put("results", resultsFile);
    }

    byte[] toJson() throws IOException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
    }
}

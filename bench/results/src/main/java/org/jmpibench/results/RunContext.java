package org.jmpibench.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A run's context file, {@code <run>.context.json} beside {@code <run>.json}: what ran where, so results can be
 * compared honestly later. The one writer ({@link Builder}, used by the harness) and the one reader ({@link #read}) of
 * the format, which is:
 *
 * <pre>
 *  schema             "jmpi-bench-context/2" (/1 lacks git and cpuModel, and has ops, np, sizes, buffers, idle
 *                     at the top instead of matrix)
 *  started, host      when and where the run started
 *  git                {commit, dirty, unknown}: the checkout the harness ran from (see {@link GitState})
 *  cpuModel, cores, memoryBytes, os {name, version, arch}, jvm {version, vendor, vmName, vmVersion, home}
 *  backends           [{name, available, version, selected, reason}]
 *  profile, matrix    {ops: [...], &lt;param&gt;: [...]} the requested values, by {@link Param} name
 *  variants           the (backend, idle) variants that ran, as labelled in tables: shm, shm/spin
 *  hostfile           only when hosts were given: {hosts: [{name, slots}], mapBy, interface, launchAgent}
 *                     (interface and launchAgent null when not set)
 *  placements         [{backend, np, layout, ranks}]: where each (backend, np) group's ranks ran, as its
 *                     {@link Layout} and as a line naming the hosts ("h1: rank 0; h2: rank 1")
 *  jdks               [{name, version, vendor, home}]: every JDK the ranks ran on, by its {@link Param#JDK} value
 *                     (name) with its exact build; missing in older files (ranks ran on the JVM above)
 *  jmh                JMH's settings as the harness passed them (version, forks, iterations, times, ...)
 *  failedJobs         [{backend, np, benchmark, params, reason}]
 *  lastSaved | finished, complete, benchmarksDone, benchmarksTotal, results (the results file's name)
 *  forkRuns, ab       only in the context of one side of an A/B run ({@link #ofForks})
 * </pre>
 */
public final class RunContext {

    public static final String SCHEMA = "jmpi-bench-context/2";
    private static final String SCHEMA_PREFIX = "jmpi-bench-context/";

    /**
     * Top-level fields that describe this run rather than the machine and software it ran on: left out when two runs'
     * contexts are compared.
     */
    private static final Set<String> RUN_FIELDS = Set.of(
            "schema",
            "started",
            "lastSaved",
            "finished",
            "complete",
            "benchmarksDone",
            "benchmarksTotal",
            "results",
            "git",
            "failedJobs",
            "variants",
            "matrix",
            "ops",
            "np",
            "sizes",
            "buffers",
            "idle",
            "placements",
            "forkRuns",
            "ab");
    /** JMH settings that follow from the matrix (heap per np, the job time limit), not from the machine. */
    private static final Set<String> DERIVED_JMH_FIELDS = Set.of("jvmArgsPerNp", "jobTimeoutSeconds");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode root;

    private RunContext(ObjectNode root) {
        this.root = root;
    }

    /**
     * Reads a context file.
     *
     * @throws ResultsFileException naming the file when it is missing, unreadable, not JSON or not a context
     */
    public static RunContext read(Path file) {
        String name = "context file " + file;
        if (!Files.isRegularFile(file)) {
            throw new ResultsFileException(name + ": no such file");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ResultsFileException(
                    name + ": not valid JSON (" + IoCause.oneLine(e.getOriginalMessage()) + ")", e);
        } catch (IOException e) {
            throw new ResultsFileException(name + ": cannot be read (" + IoCause.of(e) + ")", e);
        }
        if (node == null || !node.isObject()) {
            throw new ResultsFileException(name + ": expected a JSON object, the context the harness writes");
        }
        JsonNode schema = node.get("schema");
        if (schema != null && !schema.asText().startsWith(SCHEMA_PREFIX)) {
            throw new ResultsFileException(name + ": schema '" + schema.asText() + "' is not a jmpi-bench context");
        }
        return new RunContext((ObjectNode) node);
    }

    /**
     * The context of several runs that are forks of one thing (one side of an A/B run), for the file beside their
     * merged results ({@link ForkMerge}): the first run's machine, software, matrix and settings; every run's failed
     * jobs, in order; complete only when every run was; benchmarks done and total summed; the newest save time; plus
     * {@code forkRuns} (the runs' names, in order) and {@code ab} (what the A/B run records of this side: revision,
     * commit, dirty flag, environment, ...).
     *
     * @param runs the forks' contexts, in the order they ran; not empty
     */
    public static RunContext ofForks(
            List<RunContext> runs, List<String> runNames, String resultsFile, Map<String, ?> ab) {
        ObjectNode root = runs.get(0).root.deepCopy();
        ArrayNode failed = root.putArray("failedJobs");
        boolean complete = true;
        int done = 0;
        int total = 0;
        String newest = null;
        for (RunContext run : runs) {
            run.root.path("failedJobs").forEach(job -> failed.add(job.deepCopy()));
            complete &= run.complete();
            done += run.benchmarksDone();
            total += run.benchmarksTotal();
            String saved = run.root.has("finished") ? run.text("finished") : run.text("lastSaved");
            if (saved != null && (newest == null || saved.compareTo(newest) > 0)) {
                newest = saved;
            }
        }
        root.remove(List.of("lastSaved", "finished"));
        root.put(complete ? "finished" : "lastSaved", newest);
        root.put("complete", complete);
        root.put("benchmarksDone", done);
        root.put("benchmarksTotal", total);
        root.put("results", resultsFile);
        ArrayNode names = root.putArray("forkRuns");
        runNames.forEach(names::add);
        root.set("ab", MAPPER.valueToTree(ab));
        return new RunContext(root);
    }

    /** The context beside a results file, if there is one. */
    public static Optional<RunContext> besideResults(Path resultsFile) {
        Path file = RunFiles.contextFileOf(resultsFile);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    public String host() {
        return text("host");
    }

    /** The CPU's model name; null when unknown or the file predates it. */
    public String cpuModel() {
        return text("cpuModel");
    }

    /** The commit of the checkout the harness ran from; null when unknown. */
    public String gitCommit() {
        JsonNode commit = root.path("git").path("commit");
        return commit.isTextual() ? commit.asText() : null;
    }

    /** Whether the checkout had changes to tracked files; empty when unknown. */
    public Optional<Boolean> gitDirty() {
        JsonNode dirty = root.path("git").path("dirty");
        return dirty.isBoolean() ? Optional.of(dirty.asBoolean()) : Optional.empty();
    }

    /**
     * Whether the run got to its end (false: stopped half-way, the files hold the finished groups). Files from before
     * the {@code complete} field are complete when they say when the run finished.
     */
    public boolean complete() {
        JsonNode complete = root.get("complete");
        return complete != null ? complete.asBoolean(false) : root.has("finished");
    }

    public int benchmarksDone() {
        return root.path("benchmarksDone").asInt();
    }

    public int benchmarksTotal() {
        return root.path("benchmarksTotal").asInt();
    }

    /** The name of the results file of this run. */
    public String results() {
        return text("results");
    }

    /** The (backend, idle) variants that ran, as labelled in tables and charts. */
    public List<String> variants() {
        return strings(root.path("variants"));
    }

    /** The requested values of a parameter (by its JMH name) or of {@code ops}. */
    public List<String> matrix(String name) {
        return strings(root.path("matrix").path(name));
    }

    /** Where each (backend, np) group's ranks ran, in the order the groups ran; empty in older files. */
    public List<Placement> placements() {
        List<Placement> placements = new ArrayList<>();
        for (JsonNode group : root.path("placements")) {
            placements.add(new Placement(
                    group.path("backend").asText(),
                    group.path("np").asInt(),
                    group.path("layout").asText(),
                    group.path("ranks").asText()));
        }
        return placements;
    }

    /** Every JDK the ranks ran on, in the order the run used them; empty in older files. */
    public List<RankJdk> jdks() {
        List<RankJdk> jdks = new ArrayList<>();
        for (JsonNode jdk : root.path("jdks")) {
            jdks.add(new RankJdk(
                    jdk.path("name").asText(),
                    jdk.path("version").asText(),
                    jdk.path("vendor").asText(),
                    jdk.path("home").asText()));
        }
        return jdks;
    }

    /** Every job that failed, in the order they failed. */
    public List<FailedJob> failedJobs() {
        List<FailedJob> jobs = new ArrayList<>();
        for (JsonNode job : root.path("failedJobs")) {
            jobs.add(new FailedJob(
                    job.path("backend").asText(),
                    job.path("np").asInt(),
                    job.path("benchmark").asText(),
                    job.path("params").asText(),
                    job.path("reason").asText()));
        }
        return jobs;
    }

    /**
     * Every value as one flat list of names, in file order: nested objects become dotted names ({@code jvm.version});
     * arrays of plain values are joined with ", "; arrays of objects get one name per field,
     * {@code backends.shm.version} where the objects have a {@code name}, {@code failedJobs[0].reason} otherwise; null
     * is the empty text.
     */
    public Map<String, String> flatten() {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", root, flat);
        return flat;
    }

    /**
     * How the machine and software of two runs differ: host, CPU, cores, memory, OS, JVM, backend versions, the profile
     * and JMH's settings, as {@code name -> [this, other]} for every such value both contexts have and that differs.
     * What describes the run itself (times, commit, matrix, failures) is left out.
     */
    public Map<String, List<String>> environmentDifferences(RunContext other) {
        Map<String, String> mine = flatten();
        Map<String, String> theirs = other.flatten();
        Map<String, List<String>> differences = new LinkedHashMap<>();
        mine.forEach((key, value) -> {
            String otherValue = theirs.get(key);
            if (otherValue != null && !otherValue.equals(value) && describesEnvironment(key)) {
                differences.put(key, List.of(value, otherValue));
            }
        });
        return differences;
    }

    private static boolean describesEnvironment(String flatKey) {
        String top = flatKey.split("[.\\[]", 2)[0];
        if (RUN_FIELDS.contains(top)) {
            return false;
        }
        if (top.equals("jmh")) {
            String field = flatKey.substring("jmh.".length()).split("[.\\[]", 2)[0];
            return !DERIVED_JMH_FIELDS.contains(field);
        }
        if (top.equals("backends")) {
            return flatKey.endsWith(".version");
        }
        return true;
    }

    /** The file's text: indented JSON. */
    public byte[] toJson() {
        try {
            return MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a JSON tree built in memory", e);
        }
    }

    private String text(String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.properties()
                    .forEach(field -> flatten(
                            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into));
        } else if (node.isArray()) {
            boolean plainValues = true;
            for (JsonNode item : node) {
                plainValues &= item.isValueNode();
            }
            if (plainValues) {
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(item.asText()));
                into.put(prefix, String.join(", ", items));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                JsonNode name = item.get("name");
                flatten(
                        name != null && name.isTextual() ? prefix + "." + name.textValue() : prefix + "[" + i + "]",
                        item,
                        into);
            }
        } else {
            into.put(prefix, node.isNull() ? "" : node.asText());
        }
    }

    /**
     * A job that failed: which (backend, np) group, which benchmark was running when it did (empty when none had
     * started), its parameters as JMH lists them, and why, in the job launcher's words when it said so.
     */
    public record FailedJob(String backend, int np, String benchmark, String params, String reason) {}

    /**
     * Where the ranks of one (backend, np) group ran.
     *
     * @param layout the group's {@link Param#LAYOUT} value
     * @param ranks which ranks ran on which host, e.g. {@code h1: rank 0; h2: rank 1 (map-by node)}
     */
    public record Placement(String backend, int np, String layout, String ranks) {}

    /**
     * A JDK the ranks ran on.
     *
     * @param release its {@link Param#JDK} value ({@link JdkRelease})
     * @param version its exact runtime version, e.g. {@code 25.0.1+8-LTS}
     * @param vendor who built it ({@code IMPLEMENTOR} in its {@code release} file); empty when unknown
     * @param home where it is
     */
    public record RankJdk(String release, String version, String vendor, String home) {}

    /** The context of a run in progress: the harness fills it in as the run goes, and saves a snapshot. */
    public static final class Builder {

        private final ObjectNode root = MAPPER.createObjectNode();
        private final ArrayNode backends;
        private final ArrayNode failedJobs;
        private final ArrayNode placements;
        private final ArrayNode jdks;

        /**
         * Starts a context with this machine's facts.
         *
         * @param git the checkout the harness runs from ({@link GitState#of})
         */
        public Builder(ZonedDateTime started, String host, GitState git) {
            root.put("schema", SCHEMA);
            root.put("started", started.toString());
            root.put("host", host);
            ObjectNode gitNode = root.putObject("git");
            gitNode.put("commit", git.commit());
            gitNode.put("dirty", git.dirty());
            if (git.unknown() != null) {
                gitNode.put("unknown", git.unknown());
            }
            root.put("cpuModel", Machine.cpuModel());
            root.put("cores", Machine.cores());
            root.put("memoryBytes", Machine.physicalMemoryBytes());
            ObjectNode os = root.putObject("os");
            for (String property : List.of("name", "version", "arch")) {
                os.put(property, System.getProperty("os." + property));
            }
            ObjectNode jvm = root.putObject("jvm");
            jvm.put("version", System.getProperty("java.version"));
            jvm.put("vendor", System.getProperty("java.vendor"));
            jvm.put("vmName", System.getProperty("java.vm.name"));
            jvm.put("vmVersion", System.getProperty("java.vm.version"));
            jvm.put("home", System.getProperty("java.home"));
            backends = root.putArray("backends");
            failedJobs = root.putArray("failedJobs");
            placements = root.putArray("placements");
            jdks = root.putArray("jdks");
        }

        /** A backend found on the class path: its version, or why it is not available; whether it was asked for. */
        public Builder backend(String name, boolean available, String version, String reason, boolean selected) {
            ObjectNode entry = backends.addObject();
            entry.put("name", name);
            entry.put("available", available);
            entry.put("version", version);
            entry.put("selected", selected);
            if (!available) {
                entry.put("reason", reason);
            }
            return this;
        }

        /**
         * What was asked for: the profile, the operations and the values of each parameter.
         *
         * @param params values by parameter; a parameter not given was not a dimension of this run
         */
        public Builder matrix(String profile, List<Operation> ops, Map<Param, List<?>> params) {
            root.put("profile", profile);
            ObjectNode matrix = root.putObject("matrix");
            ArrayNode opNames = matrix.putArray("ops");
            ops.forEach(op -> opNames.add(op.cliName()));
            params.forEach((param, values) -> {
                ArrayNode array = matrix.putArray(param.jmhName());
                values.forEach(value -> array.addPOJO(value));
            });
            return this;
        }

        /** The (backend, idle) variants that run, as labelled in the table: {@code shm}, {@code shm/spin}. */
        public Builder variants(List<String> labels) {
            ArrayNode array = root.putArray("variants");
            labels.forEach(array::add);
            return this;
        }

        /**
         * The hosts the run was given (a hostfile, or a batch system's allocation) and how jobs use them.
         *
         * @param slotsByHost every host with its slots, in hostfile order
         * @param interfaces the interfaces or subnets the traffic between hosts was told to use, or null
         * @param launchAgent what started processes on other hosts, or null for the default
         */
        public Builder hostfile(Map<String, Integer> slotsByHost, String mapBy, String interfaces, String launchAgent) {
            ObjectNode hostfile = root.putObject("hostfile");
            ArrayNode hosts = hostfile.putArray("hosts");
            slotsByHost.forEach(
                    (name, slots) -> hosts.addObject().put("name", name).put("slots", slots));
            hostfile.put("mapBy", mapBy);
            hostfile.put("interface", interfaces);
            hostfile.put("launchAgent", launchAgent);
            return this;
        }

        /** Where the ranks of a (backend, np) group run. */
        public Builder placement(Placement placement) {
            ObjectNode entry = placements.addObject();
            entry.put("backend", placement.backend());
            entry.put("np", placement.np());
            entry.put("layout", placement.layout());
            entry.put("ranks", placement.ranks());
            return this;
        }

        /** A JDK the ranks run on. */
        public Builder jdk(RankJdk jdk) {
            jdks.addObject()
                    .put("name", jdk.release())
                    .put("version", jdk.version())
                    .put("vendor", jdk.vendor())
                    .put("home", jdk.home());
            return this;
        }

        /** JMH's settings, by name, as the harness gave them to JMH. */
        public Builder jmh(Map<String, ?> settings) {
            root.set("jmh", MAPPER.valueToTree(settings));
            return this;
        }

        public Builder failed(FailedJob job) {
            ObjectNode entry = failedJobs.addObject();
            entry.put("backend", job.backend());
            entry.put("np", job.np());
            entry.put("benchmark", job.benchmark());
            entry.put("params", job.params());
            entry.put("reason", job.reason());
            return this;
        }

        /**
         * Marks how far the run got: {@code complete} false while jobs remain (the files then hold the finished groups
         * only, so a run stopped half-way keeps them).
         *
         * @param resultsFile the name of the run's results file
         */
        public Builder progress(
                ZonedDateTime at, String resultsFile, boolean complete, int benchmarksDone, int benchmarksTotal) {
            root.remove(List.of("lastSaved", "finished"));
            root.put(complete ? "finished" : "lastSaved", at.toString());
            root.put("complete", complete);
            root.put("benchmarksDone", benchmarksDone);
            root.put("benchmarksTotal", benchmarksTotal);
            root.put("results", resultsFile);
            return this;
        }

        /** The context as it stands. */
        public RunContext build() {
            return new RunContext(root.deepCopy());
        }
    }
}

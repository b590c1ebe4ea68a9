package org.jmpibench.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jmpibench.spi.Jdk;

/**
 * Finds the JDK a user means, and reads exactly which build it is.
 *
 * <p>A choice is either a path (anything with a {@code /}: a JDK's home, or its {@code bin/java}), or a name looked up
 * among the JDKs in {@value #JVM_DIRECTORY_NAME} and the one running this JVM, in this order:
 *
 * <ol>
 *   <li>a directory's exact name: {@code temurin-25-jdk-amd64}, {@code java-17-openjdk-amd64};
 *   <li>a feature release: {@code 17}, {@code 25};
 *   <li>the start of a directory's name up to a dash: {@code temurin-25}, {@code java-17}.
 * </ol>
 *
 * Two different JDKs matching one name is an error that lists both (links to one JDK count once).
 *
 * <p>The version comes from the JDK's {@code release} file ({@code JAVA_RUNTIME_VERSION}, else {@code JAVA_VERSION}),
 * or, for a JDK without one, from {@code java -XshowSettings:properties -version}. Every error is an
 * {@link IllegalArgumentException} with one line, written to follow the option the user typed ({@code --jdk: ...}): a
 * JDK that is missing, ambiguous, unreadable, or older than {@value #MINIMUM_FEATURE}.
 */
public final class Jdks {

    /** The oldest feature release ranks can run on: the suite's Java baseline. */
    public static final int MINIMUM_FEATURE = 17;

    static final String JVM_DIRECTORY_NAME = "/usr/lib/jvm";
    /** Where Debian and Ubuntu packages (and Adoptium's) install JDKs. */
    public static final Path JVM_DIRECTORY = Path.of(JVM_DIRECTORY_NAME);
    /** A JVM that prints its settings takes well under a second; one that takes this long is broken. */
    private static final long PROBE_TIMEOUT_SECONDS = 30;

    private Jdks() {}

    /** The JDK {@code choice} names (a path, or a name under {@value #JVM_DIRECTORY_NAME}), at least Java 17. */
    public static Jdk resolve(String choice) {
        return resolve(choice, JVM_DIRECTORY);
    }

    static Jdk resolve(String choice, Path jvmDirectory) {
        String name = choice == null ? "" : choice.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no JDK given: name a path or a JDK such as 17, 25 or temurin-25");
        }
        Jdk jdk = name.contains("/") ? at(Path.of(name)) : byName(name, jvmDirectory);
        if (jdk.feature() < MINIMUM_FEATURE) {
            throw tooOld(jdk.home(), jdk.version().toString());
        }
        return jdk;
    }

    /**
     * The JDK at {@code path}, a JDK home or its {@code bin/java}, with its exact version (not checked against
     * {@link #MINIMUM_FEATURE}: {@link #resolve} does that).
     */
    public static Jdk at(Path path) {
        Path home = path.toAbsolutePath().normalize();
        if (Files.isRegularFile(home) && home.endsWith(Path.of("bin", "java"))) {
            home = home.getParent().getParent();
        }
        if (!Files.isDirectory(home)) {
            throw new IllegalArgumentException("no JDK at " + path + ": no such directory");
        }
        if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
            throw new IllegalArgumentException("no JDK at " + home + ": it has no bin/java");
        }
        Map<String, String> release = releaseOf(home);
        for (String key : List.of("JAVA_RUNTIME_VERSION", "JAVA_VERSION")) {
            String declared = release.get(key);
            Optional<Runtime.Version> version = declared == null ? Optional.empty() : parse(home, declared);
            if (version.isPresent()) {
                return new Jdk(home, version.get(), release.getOrDefault("IMPLEMENTOR", ""));
            }
        }
        return probe(home);
    }

    /** Every JDK in {@code jvmDirectory}, by directory name (links included), plus the JDK running this JVM. */
    static Map<String, Path> candidates(Path jvmDirectory) {
        Map<String, Path> found = new LinkedHashMap<>();
        if (Files.isDirectory(jvmDirectory)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(jvmDirectory)) {
                List<Path> sorted = new ArrayList<>();
                entries.forEach(sorted::add);
                sorted.sort(null);
                for (Path entry : sorted) {
                    if (Files.isExecutable(entry.resolve("bin").resolve("java"))) {
                        found.put(entry.getFileName().toString(), entry);
                    }
                }
            } catch (IOException e) {
                // An unreadable directory holds no JDK we could use: the running one is still a candidate.
            }
        }
        Path running = Jdk.current().home();
        found.putIfAbsent(String.valueOf(running.getFileName()), running);
        return found;
    }

    private static Jdk byName(String name, Path jvmDirectory) {
        Map<String, Path> candidates = candidates(jvmDirectory);
        Path exact = candidates.get(name);
        if (exact != null) {
            return at(exact);
        }
        Map<Path, Jdk> readable = readAll(candidates);
        Map<Path, Jdk> matches = new LinkedHashMap<>();
        boolean feature = name.chars().allMatch(Character::isDigit);
        candidates.forEach((dirName, home) -> {
            Jdk jdk = readable.get(realPath(home));
            boolean match = feature
                    ? jdk != null && Integer.toString(jdk.feature()).equals(name)
                    : dirName.startsWith(name + "-");
            if (match) {
                matches.putIfAbsent(realPath(home), jdk != null ? jdk : at(realPath(home)));
            }
        });
        if (matches.size() == 1) {
            return matches.values().iterator().next();
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no JDK '" + name + "': it is not a path (those contain a /), and no"
                    + " JDK in " + jvmDirectory + " or running this JVM matches it; found: " + list(readable));
        }
        throw new IllegalArgumentException(
                "JDK '" + name + "' is ambiguous: it matches " + list(matches) + "; give one of their paths");
    }

    /** The JDKs among {@code candidates} whose version can be read, once per real directory, at that directory. */
    private static Map<Path, Jdk> readAll(Map<String, Path> candidates) {
        Map<Path, Jdk> readable = new LinkedHashMap<>();
        for (Path home : candidates.values()) {
            Path real = realPath(home);
            if (!readable.containsKey(real)) {
                try {
                    readable.put(real, at(real));
                } catch (IllegalArgumentException e) {
                    // A broken JDK matches nothing by version; naming it exactly still reports why.
                }
            }
        }
        return readable;
    }

    private static String list(Map<Path, Jdk> jdks) {
        if (jdks.isEmpty()) {
            return "none";
        }
        return jdks.values().stream()
                .map(jdk -> jdk.home() + " (" + jdk.version() + ")")
                .collect(Collectors.joining(", "));
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** The {@code KEY="value"} lines of {@code home/release}; empty when there is no such file. */
    private static Map<String, String> releaseOf(Path home) {
        Path release = home.resolve("release");
        Map<String, String> values = new HashMap<>();
        if (!Files.isRegularFile(release)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    String value = line.substring(equals + 1).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    values.put(line.substring(0, equals).strip(), value);
                }
            }
        } catch (IOException e) {
            // Unreadable: fall back to asking the JDK itself.
        }
        return values;
    }

    /** Asks the JDK's own java for its version and vendor. */
    private static Jdk probe(Path home) {
        Path java = home.resolve("bin").resolve("java");
        Process process = null;
        try {
            process = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            Process started = process;
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalArgumentException("cannot tell which Java " + java + " is: "
                        + "-XshowSettings:properties -version did not finish within " + PROBE_TIMEOUT_SECONDS + " s");
            }
            Map<String, String> properties = properties(output.get(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            String version = properties.getOrDefault("java.runtime.version", properties.get("java.version"));
            if (version == null) {
                throw new IllegalArgumentException("cannot tell which Java " + java + " is: it printed no "
                        + "java.runtime.version (exit status " + process.exitValue() + ")");
            }
            Runtime.Version parsed = parse(home, version)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "cannot tell which Java " + java + " is: unknown version format '" + version + "'"));
            return new Jdk(home, parsed, properties.getOrDefault("java.vendor", ""));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + java + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while asking " + java + " for its version");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalArgumentException("cannot read what " + java + " printed: " + e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    /** {@code name = value} lines as -XshowSettings prints them (continuation lines of lists are skipped). */
    static Map<String, String> properties(String settings) {
        Map<String, String> properties = new HashMap<>();
        for (String line : settings.split("\n")) {
            int equals = line.indexOf(" = ");
            if (equals > 0) {
                properties.putIfAbsent(
                        line.substring(0, equals).strip(),
                        line.substring(equals + 3).strip());
            }
        }
        return properties;
    }

    /** A version string; Java 8 and older ({@code 1.8.0_392}) are refused here as too old. */
    private static Optional<Runtime.Version> parse(Path home, String version) {
        if (version.startsWith("1.")) {
            throw tooOld(home, version);
        }
        try {
            return Optional.of(Runtime.Version.parse(version));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static IllegalArgumentException tooOld(Path home, String version) {
        return new IllegalArgumentException(
                "the JDK at " + home + " is Java " + version + "; ranks need Java " + MINIMUM_FEATURE + " or later");
    }
}

package org.jmpibench.openmpi;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds {@code mpirun}, {@code libmpi_java.so} and a matching {@code mpi.jar} without loading any of Open MPI's classes
 * (the launcher JVM may hold MPJ Express's {@code mpi.MPI}).
 *
 * <p>Where it looks, first match wins:
 *
 * <ul>
 *   <li>{@code mpirun}: -D{@value #MPIRUN_PROPERTY}, else the {@code PATH}.
 *   <li>{@code libmpi_java.so}: -D{@value #LIBDIR_PROPERTY}; the directory recorded by {@code scripts/setup-openmpi.sh}
 *       in {@value #PROPERTIES_FILE}; {@code <prefix>/lib} and {@code <prefix>/lib64} of {@code mpirun}'s real path;
 *       the distributions' usual directories.
 *   <li>{@code mpi.jar}: -D{@value #JAR_PROPERTY}; beside {@code libmpi_java.so} (an installation built from source
 *       puts it there); the jar recorded in {@value #PROPERTIES_FILE}; the copy the set-up script installed in the
 *       local Maven repository.
 * </ul>
 *
 * The properties file lives in {@code $JMPI_CACHE_DIR/openmpi} (default {@code ~/.cache/jmpi-bench/openmpi}).
 */
public final class OpenMpiLocator {

    public static final String MPIRUN_PROPERTY = "jmpi.openmpi.mpirun";
    public static final String LIBDIR_PROPERTY = "jmpi.openmpi.libdir";
    public static final String JAR_PROPERTY = "jmpi.openmpi.jar";
    /** Written by the set-up script: {@code mpi.jar}, {@code libmpi_java.dir}, {@code openmpi.version}. */
    public static final String PROPERTIES_FILE = "installed.properties";

    static final String SETUP_HINT = "run scripts/setup-openmpi.sh";
    static final String JNI_LIBRARY = "libmpi_java.so";
    /** Where scripts/setup-openmpi.sh installs mpi.jar, relative to the local Maven repository. */
    static final Path REPO_JAR =
            Path.of("org", "jmpibench", "external", "openmpi-mpi", "installed", "openmpi-mpi-installed.jar");

    private static final Pattern VERSION = Pattern.compile("\\(Open MPI\\) (\\S+)");

    private final Path cacheDir;
    private final Path mavenRepo;
    private final List<Path> pathDirs;
    private final Optional<Path> mpirunOverride;
    private final Optional<Path> libDirOverride;
    private final Optional<Path> jarOverride;

    /**
     * @param cacheDir directory holding {@value #PROPERTIES_FILE}
     * @param mavenRepo the local Maven repository
     * @param pathDirs where to look for {@code mpirun}
     */
    public OpenMpiLocator(
            Path cacheDir,
            Path mavenRepo,
            List<Path> pathDirs,
            Optional<Path> mpirunOverride,
            Optional<Path> libDirOverride,
            Optional<Path> jarOverride) {
        this.cacheDir = cacheDir;
        this.mavenRepo = mavenRepo;
        this.pathDirs = List.copyOf(pathDirs);
        this.mpirunOverride = mpirunOverride;
        this.libDirOverride = libDirOverride;
        this.jarOverride = jarOverride;
    }

    /** Looks where the set-up script puts things, honouring the -D overrides above. */
    public static OpenMpiLocator standard() {
        Path home = Path.of(System.getProperty("user.home"));
        String cacheRoot = firstNonBlank(
                System.getenv("JMPI_CACHE_DIR"),
                Optional.ofNullable(System.getenv("XDG_CACHE_HOME"))
                        .map(x -> x + "/jmpi-bench")
                        .orElse(null),
                home.resolve(".cache").resolve("jmpi-bench").toString());
        String repo = firstNonBlank(
                System.getProperty("maven.repo.local"),
                System.getenv("MAVEN_REPO_LOCAL"),
                home.resolve(".m2").resolve("repository").toString());
        List<Path> path = new ArrayList<>();
        for (String dir : Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                path.add(Path.of(dir));
            }
        }
        return new OpenMpiLocator(
                Path.of(cacheRoot, "openmpi"),
                Path.of(repo),
                path,
                property(MPIRUN_PROPERTY),
                property(LIBDIR_PROPERTY),
                property(JAR_PROPERTY));
    }

    /** The installation when every piece is there; otherwise one line saying what is missing and what to do. */
    public record Lookup(Optional<OpenMpiInstallation> installation, String missing) {}

    public Lookup lookup() {
        Properties recorded = recordedBySetup();
        List<String> missing = new ArrayList<>();

        Optional<Path> mpirun = mpirunOverride.filter(Files::isExecutable).or(this::mpirunOnPath);
        if (mpirun.isEmpty()) {
            missing.add(mpirunOverride
                    .map(p -> "mpirun (" + p + " is not executable)")
                    .orElse("mpirun (not on PATH)"));
        }
        List<Path> libCandidates = libDirCandidates(recorded, mpirun);
        Optional<Path> libDir = libCandidates.stream()
                .filter(d -> Files.isRegularFile(d.resolve(JNI_LIBRARY)))
                .findFirst();
        if (libDir.isEmpty()) {
            missing.add(JNI_LIBRARY + " (looked in " + join(libCandidates) + ")");
        }
        List<Path> jarCandidates = jarCandidates(recorded, libDir);
        Optional<Path> jar = jarCandidates.stream().filter(Files::isRegularFile).findFirst();
        if (jar.isEmpty()) {
            missing.add("mpi.jar (looked at " + join(jarCandidates) + ")");
        }
        if (!missing.isEmpty()) {
            return new Lookup(
                    Optional.empty(),
                    "Open MPI Java bindings incomplete, missing: " + String.join("; ", missing) + "; " + SETUP_HINT);
        }
        String version;
        try {
            version = versionOf(mpirun.get());
        } catch (IOException e) {
            return new Lookup(
                    Optional.empty(), "'" + mpirun.get() + " --version' failed: " + e.getMessage() + "; " + SETUP_HINT);
        }
        String jarVersion = recorded.getProperty("openmpi.version", "");
        boolean jarIsRecorded = jar.get().toString().equals(recorded.getProperty("mpi.jar"))
                || jar.get().endsWith(REPO_JAR);
        if (jarIsRecorded && !jarVersion.isEmpty() && !jarVersion.equals(version)) {
            return new Lookup(
                    Optional.empty(),
                    "mpi.jar " + jar.get() + " was built for Open MPI " + jarVersion + " but mpirun is " + version
                            + "; " + SETUP_HINT);
        }
        return new Lookup(Optional.of(new OpenMpiInstallation(mpirun.get(), libDir.get(), jar.get(), version)), "");
    }

    private Optional<Path> mpirunOnPath() {
        return pathDirs.stream()
                .map(dir -> dir.resolve("mpirun"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private List<Path> libDirCandidates(Properties recorded, Optional<Path> mpirun) {
        if (libDirOverride.isPresent()) {
            return List.of(libDirOverride.get());
        }
        Set<Path> dirs = new LinkedHashSet<>();
        Optional.ofNullable(recorded.getProperty("libmpi_java.dir")).ifPresent(d -> dirs.add(Path.of(d)));
        mpirun.flatMap(OpenMpiLocator::realPath)
                .map(Path::getParent)
                .map(Path::getParent)
                .ifPresent(prefix -> {
                    dirs.add(prefix.resolve("lib"));
                    dirs.add(prefix.resolve("lib64"));
                });
        String multiarch = multiarch();
        dirs.add(Path.of("/usr/lib", multiarch, "openmpi", "lib")); // Debian, Ubuntu
        dirs.add(Path.of("/usr/lib64/openmpi/lib")); // Fedora, RHEL
        dirs.add(Path.of("/usr/lib", multiarch));
        return new ArrayList<>(dirs);
    }

    private List<Path> jarCandidates(Properties recorded, Optional<Path> libDir) {
        if (jarOverride.isPresent()) {
            return List.of(jarOverride.get());
        }
        Set<Path> jars = new LinkedHashSet<>();
        libDir.ifPresent(dir -> jars.add(dir.resolve("mpi.jar")));
        Optional.ofNullable(recorded.getProperty("mpi.jar")).ifPresent(j -> jars.add(Path.of(j)));
        jars.add(mavenRepo.resolve(REPO_JAR));
        return new ArrayList<>(jars);
    }

    private Properties recordedBySetup() {
        Properties properties = new Properties();
        Path file = cacheDir.resolve(PROPERTIES_FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                // An unreadable record is as good as none: the other places are still searched.
            }
        }
        return properties;
    }

    /** {@code mpirun --version}'s first line names the version: {@code mpirun (Open MPI) 4.1.4}. */
    static String versionOf(Path mpirun) throws IOException {
        Process process = new ProcessBuilder(mpirun.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IOException("no answer within 10 s");
            }
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher matcher = VERSION.matcher(text);
            if (!matcher.find()) {
                throw new IOException(
                        "not Open MPI: " + text.lines().findFirst().orElse("(no output)"));
            }
            return matcher.group(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String multiarch() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            default -> arch + "-linux-gnu";
        };
    }

    private static Optional<Path> realPath(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> property(String name) {
        return Optional.ofNullable(System.getProperty(name))
                .filter(v -> !v.isBlank())
                .map(Path::of);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalStateException("no value");
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}

package org.jmpibench.mpjexpress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jmpibench.spi.Availability;

/**
 * Where MPJ Express is installed and which of its jars each device needs. Looks at files only: nothing here loads an
 * MPJ class, so the launcher JVM stays free of {@code mpi.MPI}.
 *
 * <p>The home is {@code -Djmpi.mpj.home}, else {@code $MPJ_HOME}, else Debian's {@code /usr/share/mpj}. log4j 1.2
 * (which every MPJ jar needs and Debian does not put beside them) is taken from the home's {@code lib}, else from
 * Debian's {@code /usr/share/java/log4j-1.2.jar}.
 */
public record MpjInstallation(Path home, Path log4j) {

    /** System property that overrides {@code $MPJ_HOME}. */
    public static final String HOME_PROPERTY = "jmpi.mpj.home";

    static final Path DEBIAN_HOME = Path.of("/usr/share/mpj");
    static final Path DEBIAN_LOG4J = Path.of("/usr/share/java/log4j-1.2.jar");
    static final String HOW_TO_INSTALL = "run scripts/setup-mpj.sh (as root it installs Debian's libmpj-java), "
            + "or set MPJ_HOME to an MPJ Express 0.44 installation";

    /** Every jar a niodev rank needs beside the application: the API, buffers, devices. */
    private static final List<String> NIODEV_JARS = List.of("mpj.jar");
    /**
     * The shared part of an smpdev job, on the JVM's own class path. MulticoreStarter adds {@code mpi.jar} and
     * {@code mpjdev.jar} to each rank's class loader itself; they must not be here, or all ranks share one
     * {@code mpi.MPI}.
     */
    private static final List<String> SMPDEV_HOST_JARS = List.of(
            "smpdev.jar", "xdev.jar", "mpjbuf.jar", "loader2.jar", "starter.jar", "mpiExp.jar", "runtimecommon.jar");

    private static final List<String> SMPDEV_RANK_JARS = List.of("mpi.jar", "mpjdev.jar");

    /** The installation this process would use, if complete. */
    public static Optional<MpjInstallation> find() {
        Path home = homeCandidate();
        if (!allPresent(home, NIODEV_JARS)
                || !allPresent(home, SMPDEV_HOST_JARS)
                || !allPresent(home, SMPDEV_RANK_JARS)) {
            return Optional.empty();
        }
        return findLog4j(home).map(log4j -> new MpjInstallation(home, log4j));
    }

    /** The installation, or an {@link IllegalStateException} that says how to get one. */
    public static MpjInstallation require() {
        return find().orElseThrow(() ->
                new IllegalStateException("MPJ Express not found at " + homeCandidate() + ": " + HOW_TO_INSTALL));
    }

    /** "available, MPJ Express 0.44 (device)" or one line saying what to install. */
    public static Availability availability(String device) {
        return find().map(found -> Availability.available("MPJ Express " + found.version() + " (" + device + ")"))
                .orElseGet(() -> Availability.unavailable(
                        "MPJ Express not found at " + homeCandidate() + ": " + HOW_TO_INSTALL));
    }

    /** The version in the jar's file name ({@code mpj-0.44.jar}, which Debian's {@code mpj.jar} links to). */
    public String version() {
        try {
            Matcher m = Pattern.compile("mpj-([0-9][0-9.]*)\\.jar")
                    .matcher(lib().resolve("mpj.jar").toRealPath().getFileName().toString());
            return m.matches() ? m.group(1) : "(version unknown)";
        } catch (IOException e) {
            return "(version unknown)";
        }
    }

    public Path lib() {
        return home.resolve("lib");
    }

    /** What a niodev rank JVM needs on its class path after the application. */
    public List<Path> niodevClasspath() {
        List<Path> jars = jars(NIODEV_JARS);
        jars.add(log4j);
        return jars;
    }

    /** The class path of the one smpdev JVM (MPJ's shared part; never the application, never mpi.jar). */
    public List<Path> smpdevHostClasspath() {
        List<Path> jars = jars(SMPDEV_HOST_JARS);
        jars.add(log4j);
        return jars;
    }

    private List<Path> jars(List<String> names) {
        List<Path> jars = new ArrayList<>();
        names.forEach(name -> jars.add(lib().resolve(name)));
        return jars;
    }

    private static Path homeCandidate() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("MPJ_HOME");
        }
        return configured == null || configured.isBlank() ? DEBIAN_HOME : Path.of(configured);
    }

    private static boolean allPresent(Path home, List<String> names) {
        return names.stream()
                .allMatch(name -> Files.isRegularFile(home.resolve("lib").resolve(name)));
    }

    private static Optional<Path> findLog4j(Path home) {
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            Optional<Path> bundled = files.filter(
                            p -> p.getFileName().toString().matches("log4j-1\\.2.*\\.jar"))
                    .sorted()
                    .findFirst();
            if (bundled.isPresent()) {
                return bundled;
            }
        } catch (IOException e) {
            // No readable lib directory: fall through to Debian's jar.
        }
        return Files.isRegularFile(DEBIAN_LOG4J) ? Optional.of(DEBIAN_LOG4J) : Optional.empty();
    }
}

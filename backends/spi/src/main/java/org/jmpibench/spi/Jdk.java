package org.jmpibench.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A JDK that a job's ranks run on: where it is, and exactly which build it is. The launcher module's {@code Jdks} finds
 * one from what a user typed; {@link #current()} is the JDK running this JVM.
 *
 * @param home the JDK's home directory, holding {@code bin/java}
 * @param version its exact runtime version, e.g. {@code 25.0.3+9-LTS}
 * @param implementor who built it, e.g. {@code Eclipse Adoptium} or {@code Debian}; empty when unknown
 */
public record Jdk(Path home, Runtime.Version version, String implementor) {

    public Jdk {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(implementor, "implementor");
    }

    /** The JDK running this JVM. */
    public static Jdk current() {
        return new Jdk(
                Path.of(System.getProperty("java.home")), Runtime.version(), System.getProperty("java.vendor", ""));
    }

    /** The {@code java} launcher of this JDK. */
    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    /** The feature release: 17 for {@code 17.0.15+6}, 25 for {@code 25.0.3+9-LTS}. */
    public int feature() {
        return version.feature();
    }

    /** One line for logs and results: {@code 25.0.3+9-LTS (Eclipse Adoptium) at /usr/lib/jvm/temurin-25-jdk-amd64}. */
    @Override
    public String toString() {
        return version + (implementor.isEmpty() ? "" : " (" + implementor + ")") + " at " + home;
    }
}

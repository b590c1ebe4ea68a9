package org.jmpibench.conformance;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jmpibench.launcher.Jdks;
import org.jmpibench.spi.Jdk;
import org.junit.jupiter.api.Assumptions;

/**
 * The JDKs that backend tests run their ranks on: the system property {@value #PROPERTY}, a comma-separated list of JDK
 * choices as {@link Jdks#resolve} takes them, by default {@value #DEFAULT}: the suite's baseline, and the newest LTS,
 * where shm maps and copies through the foreign-memory API and MPJ Express smpdev has no Security Manager. A JDK that
 * is not installed here skips the tests that need it, saying why.
 */
public final class TestJdks {

    public static final String PROPERTY = "jmpi.test.jdks";
    static final String DEFAULT = "17,25";
    private static final Map<String, Object> RESOLVED = new ConcurrentHashMap<>();

    private TestJdks() {}

    /** The JDK choices to test on, in order. */
    public static List<String> names() {
        return Arrays.stream(System.getProperty(PROPERTY, DEFAULT).split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .distinct()
                .collect(Collectors.toList());
    }

    /** The JDK {@code name} stands for; aborts (skips) the calling test when there is none here. */
    public static Jdk require(String name) {
        Object found = RESOLVED.computeIfAbsent(name, TestJdks::resolve);
        if (found instanceof Jdk jdk) {
            return jdk;
        }
        Assumptions.abort("JDK " + name + " is not available here: " + found);
        throw new AssertionError("unreachable: abort throws");
    }

    private static Object resolve(String name) {
        try {
            return Jdks.resolve(name);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}

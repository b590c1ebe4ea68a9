package org.jmpibench.harness.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmpibench.results.JdkRelease;
import org.jmpibench.results.RunContext;
import org.jmpibench.spi.Jdk;

/**
 * A JDK that the jobs of a bench run run on, each a value of the {@code jdk} parameter (its feature release,
 * {@link JdkRelease}): one that {@code --jdk} named, or the JDK running the harness when none was named.
 *
 * @param chosen whether {@code --jdk} named it; the jobs of one not chosen get no JDK, so their launchers use their
 *     own, as before the option existed
 */
record RunJdk(Jdk jdk, boolean chosen) {

    /** The JDK running the harness: what every job runs on unless {@code --jdk} says otherwise. */
    static RunJdk harnessJdk() {
        return new RunJdk(Jdk.current(), false);
    }

    /**
     * The JDKs of {@code --jdk}'s comma-separated list, in its order; the harness's own for an empty list. The same JDK
     * twice counts once; two JDKs of one feature release are refused, since the results name a JDK by release.
     *
     * @throws IllegalArgumentException one line naming the option and the value
     */
    static List<RunJdk> parse(String list) {
        if (list == null || list.isBlank()) {
            return List.of(harnessJdk());
        }
        List<RunJdk> jdks = new ArrayList<>();
        for (String choice : list.split(",", -1)) {
            if (choice.isBlank()) {
                throw new IllegalArgumentException(JdkOption.OPTION + ": empty value in '" + list + "'");
            }
            RunJdk jdk = new RunJdk(JdkOption.resolve(choice.strip()), true);
            RunJdk sameRelease = jdks.stream()
                    .filter(other -> other.release().equals(jdk.release()))
                    .findFirst()
                    .orElse(null);
            if (sameRelease == null) {
                jdks.add(jdk);
            } else if (!realPath(sameRelease.jdk.home()).equals(realPath(jdk.jdk.home()))) {
                throw new IllegalArgumentException(JdkOption.OPTION + ": " + sameRelease.jdk.home() + " and "
                        + jdk.jdk.home() + " are both Java " + jdk.release() + "; results name a JDK by its release,"
                        + " so a run takes one JDK per release (compare two builds as two runs)");
            }
        }
        return List.copyOf(jdks);
    }

    /** The value of the {@code jdk} parameter. */
    String release() {
        return JdkRelease.of(jdk.feature());
    }

    /** What a job's spec takes: null for the launcher's own JDK. */
    Jdk forJob() {
        return chosen ? jdk : null;
    }

    /** For the run's context: the release and exactly which build. */
    RunContext.RankJdk describe() {
        return new RunContext.RankJdk(
                release(),
                jdk.version().toString(),
                jdk.implementor(),
                jdk.home().toString());
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}

package org.jmpibench.results;

import java.util.Optional;

/**
 * The JMH parameters ({@code @Param}) of our benchmarks, by the names they have in results files, with what a valid
 * value looks like and, for a parameter added after results were first recorded, its neutral value.
 *
 * <p>A neutral value is the one that means "as before this parameter existed": results files written before the
 * parameter lack it, and a key ({@link BenchmarkKey}) leaves a neutral value out, so a default run still matches an
 * older baseline. Adding a parameter is adding a constant here (and the {@code @Param} field of that name in the
 * harness's benchmarks, which a harness test checks against this list).
 */
public enum Param {
    /** Backend name, as {@code Backends} knows it. */
    BACKEND("backend", null, Kind.TEXT),
    /** Ranks in the job. */
    NP("np", null, Kind.RANKS),
    /** Elements per message ({@link Sizes#BYTES_PER_ELEMENT} bytes each). */
    SIZE("size", null, Kind.ELEMENTS),
    /** {@code array} ({@code int[]}) or {@code direct} (direct ByteBuffer). */
    BUFFER("buffer", null, Kind.TEXT),
    /** How the backend's ranks wait; {@code default} sets nothing, as before the parameter existed. */
    IDLE("idle", "default", Kind.TEXT),
    /**
     * How the job's ranks were spread over hosts ({@link Layout}); {@value Layout#ONE_HOST}, every rank on one host, is
     * how every run before hosts existed ran.
     */
    LAYOUT("layout", Layout.ONE_HOST, Kind.LAYOUT),
    /**
     * The Java feature release the job's ranks ran on ({@link JdkRelease}); {@value JdkRelease#BEFORE_CHOICE}, what
     * every run before the choice of JDK ran on, is neutral.
     */
    JDK("jdk", JdkRelease.BEFORE_CHOICE, Kind.RELEASE),
    /**
     * The root of a rooted collective ({@link Root}): a rank or {@code rotate}; {@value Root#NEUTRAL}, the root of
     * every run before the choice, is neutral. Only rooted operations' benchmarks have it ({@link Operation#rooted()}).
     */
    ROOT("root", Root.NEUTRAL, Kind.ROOT);

    /** What a value must look like. */
    private enum Kind {
        TEXT,
        RANKS,
        ELEMENTS,
        LAYOUT,
        RELEASE,
        ROOT
    }

    private final String jmhName;
    private final String neutralValue;
    private final Kind kind;

    Param(String jmhName, String neutralValue, Kind kind) {
        this.jmhName = jmhName;
        this.neutralValue = neutralValue;
        this.kind = kind;
    }

    /** The name in JMH's {@code params}, and of the benchmark's {@code @Param} field. */
    public String jmhName() {
        return jmhName;
    }

    /** The value that changes nothing compared with results that lack this parameter, if there is one. */
    public Optional<String> neutralValue() {
        return Optional.ofNullable(neutralValue);
    }

    /** Whether {@code value} of this parameter is its neutral value. */
    public boolean isNeutral(String value) {
        return neutralValue != null && neutralValue.equals(value);
    }

    /** Why {@code value} is not a valid value of this parameter, or empty when it is. */
    public Optional<String> problemWith(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("an empty value");
        }
        if (kind == Kind.LAYOUT) {
            return Layout.problemWith(value);
        }
        if (kind == Kind.ROOT) {
            return Root.problemWith(value);
        }
        long min = switch (kind) {
            case TEXT, LAYOUT, ROOT -> Long.MIN_VALUE;
            case RANKS, RELEASE -> 1;
            case ELEMENTS -> 0;
        };
        if (kind != Kind.TEXT) {
            try {
                if (Long.parseLong(value.strip()) >= min) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            return Optional.of("'" + value + "', expected a whole number >= " + min);
        }
        return Optional.empty();
    }

    /**
     * How tables, progress lines and legends name a backend run with an idle strategy: {@code shm} for the neutral one
     * (or none), {@code shm/spin} otherwise.
     */
    public static String variantLabel(String backend, String idle) {
        return idle == null || IDLE.isNeutral(idle) ? backend : backend + "/" + idle;
    }

    /** The parameter called {@code jmhName} in results files, if it is one of ours. */
    public static Optional<Param> byJmhName(String jmhName) {
        for (Param param : values()) {
            if (param.jmhName.equals(jmhName)) {
                return Optional.of(param);
            }
        }
        return Optional.empty();
    }
}

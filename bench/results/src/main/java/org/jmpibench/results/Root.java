package org.jmpibench.results;

import java.util.Optional;

/**
 * The value of the {@link Param#ROOT} parameter of a rooted collective ({@link Operation#rooted()}): a rank, or
 * {@value #ROTATE}, the root changing with every operation as Intel's IMB does it ({@code -root_shift on}): the first
 * operation's root is rank 0, the next one's rank 1, and so on round the job, every rank counting alike.
 * {@value #NEUTRAL}, the root of every run before the choice, is neutral, so older results still match.
 *
 * <p>The score is rank 0's time per operation either way: with a fixed root of 0 that is the root's time, with another
 * fixed root a non-root's, rotating it mixes both (one operation in np as the root).
 */
public final class Root {

    /** Rank 0: the root of every result before the parameter existed. */
    public static final String NEUTRAL = "0";
    /** The value that makes the root rotate. */
    public static final String ROTATE = "rotate";
    /** {@link #rank(String)} of {@value #ROTATE}. */
    public static final int ROTATING = -1;

    private Root() {}

    /** Why {@code value} is not a root, or empty when it is: a whole number {@code >= 0}, or {@value #ROTATE}. */
    public static Optional<String> problemWith(String value) {
        if (value != null && value.strip().equals(ROTATE)) {
            return Optional.empty();
        }
        try {
            if (value != null && Integer.parseInt(value.strip()) >= 0) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Optional.of("'" + value + "', expected a rank (0, 1, ...) or " + ROTATE);
    }

    /**
     * The root's rank, or {@link #ROTATING}.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static int rank(String value) {
        problemWith(value).ifPresent(problem -> {
            throw new IllegalArgumentException("bad root " + problem);
        });
        String s = value.strip();
        return s.equals(ROTATE) ? ROTATING : Integer.parseInt(s);
    }

    /** The parameter's value for {@link #rank(String)}'s result. */
    public static String value(int rank) {
        return rank == ROTATING ? ROTATE : Integer.toString(rank);
    }

    /** {@code root 1}, {@code rotating root}: how tables and legends name a root other than the neutral one. */
    public static String label(String value) {
        return value.strip().equals(ROTATE) ? "rotating root" : "root " + value.strip();
    }
}

package org.jmpibench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Message sizes: the {@link Param#SIZE size} parameter counts elements of {@value #BYTES_PER_ELEMENT} bytes (the
 * benchmarks move {@code int}s), written as a number with an optional binary suffix: {@code 1}, {@code 1Ki}
 * (1024), {@code 64Ki}, {@code 1Mi}, {@code 4Mi}. Decimal suffixes (k, M) are refused rather than guessed.
 */
public final class Sizes {

    /** Bytes per element of a benchmark's {@code size}: the benchmarks send {@code int}s. */
    public static final int BYTES_PER_ELEMENT = Integer.BYTES;

    /** Largest size accepted at all: 256 Mi ints is 1 GiB per message. Memory is checked separately. */
    public static final int MAX_ELEMENTS = 256 << 20;

    private Sizes() {
    }

    /** @throws IllegalArgumentException naming the bad value */
    public static int parse(String text) {
        String s = text.strip();
        long multiplier = 1;
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ki")) {
            multiplier = 1L << 10;
        } else if (lower.endsWith("mi")) {
            multiplier = 1L << 20;
        } else if (lower.endsWith("gi")) {
            multiplier = 1L << 30;
        }
        String digits = multiplier == 1 ? s : s.substring(0, s.length() - 2);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("bad size '" + text + "': expected a number of elements such as "
                    + "1, 1024, 1Ki, 64Ki, 1Mi, 4Mi");
        }
        if (digits.length() > 12) {
            throw new IllegalArgumentException("size '" + text + "' is too large; at most "
                    + format(MAX_ELEMENTS) + " elements");
        }
        long value = Long.parseLong(digits) * multiplier;
        if (value < 1) {
            throw new IllegalArgumentException("size '" + text + "' must be at least 1 element");
        }
        if (value > MAX_ELEMENTS) {
            throw new IllegalArgumentException("size '" + text + "' is too large; at most "
                    + format(MAX_ELEMENTS) + " elements");
        }
        return (int) value;
    }

    /** Parses a comma-separated list, keeping order and dropping repeats. */
    public static List<Integer> parseList(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("empty size in '" + text + "'");
            }
            int size = parse(part);
            if (!sizes.contains(size)) {
                sizes.add(size);
            }
        }
        return sizes;
    }

    /** Bytes of a message of {@code elements} elements. */
    public static long bytes(long elements) {
        return elements * BYTES_PER_ELEMENT;
    }

    /** The shortest exact form: 1, 1000, 1Ki, 64Ki, 1Mi. */
    public static String format(long elements) {
        if (elements >= 1L << 20 && elements % (1L << 20) == 0) {
            return elements / (1L << 20) + "Mi";
        }
        if (elements >= 1L << 10 && elements % (1L << 10) == 0) {
            return elements / (1L << 10) + "Ki";
        }
        return Long.toString(elements);
    }
}

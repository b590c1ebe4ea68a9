package org.jmpibench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message sizes, the one owner of how they are written and read. The {@link Param#SIZE size} parameter counts elements
 * of {@value #BYTES_PER_ELEMENT} bytes (the benchmarks move {@code int}s); people write a size either way:
 *
 * <ul>
 *   <li><b>elements</b>: a number, optionally with a multiplier: {@code 1}, {@code 1024}, {@code 1K}, {@code 1Ki},
 *       {@code 64Ki}, {@code 1M}, {@code 4Mi} (1Ki = 1024 ints = 4 KiB);
 *   <li><b>bytes</b>: the same with a trailing {@code B}: {@code 4B}, {@code 1KB}, {@code 1KiB}, {@code 4MB},
 *       {@code 4MiB} (4 MiB = 1Mi ints); the bytes must be a whole number of elements.
 * </ul>
 *
 * Every multiplier is binary, with or without the {@code i}: {@code K} = {@code Ki} = 1024, {@code M} = 2^20, {@code G}
 * = 2^30, in upper or lower case, as message sizes in MPI benchmarks are (OSU's tables print 1024 bytes as "1K"). A
 * lower-case {@code b} is refused: it would read as bits.
 *
 * <p>Examples: {@code 1Ki} = {@code 1K} = {@code 4KiB} = {@code 4KB} = {@code 4096B} = 1024 ints.
 */
public final class Sizes {

    /** Bytes per element of a benchmark's {@code size}: the benchmarks send {@code int}s. */
    public static final int BYTES_PER_ELEMENT = Integer.BYTES;

    /** Largest size accepted at all: 256 Mi ints is 1 GiB per message. Memory is checked separately. */
    public static final int MAX_ELEMENTS = 256 << 20;

    /** How sizes are written, in one sentence for option help. */
    public static final String SYNTAX = "a number of int elements (1, 1024, 1K = 1Ki, 64Ki, 1M = 1Mi), or of bytes "
            + "with a trailing B (4B, 4KB = 4KiB, 4MB = 4MiB); K, M, G are always binary (1024)";

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([kKmMgG])([iI])?)?\\s*(B|b)?");
    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Sizes() {}

    /**
     * The number of elements {@code text} stands for.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static int parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad size '" + text + "': expected " + SYNTAX);
        }
        if ("b".equals(m.group(4))) {
            throw new IllegalArgumentException("bad size '" + text + "': a lower-case 'b' would be bits; write B "
                    + "for bytes (4KB = 4096 bytes), or no unit for int elements");
        }
        String digits = m.group(1);
        if (digits.length() > 12) {
            throw tooLarge(text);
        }
        long value = Long.parseLong(digits) * multiplier(m.group(2));
        if (m.group(4) != null) {
            if (value % BYTES_PER_ELEMENT != 0) {
                throw new IllegalArgumentException("size '" + text + "' is " + value + " bytes, not a whole number "
                        + "of " + BYTES_PER_ELEMENT + "-byte int elements");
            }
            value /= BYTES_PER_ELEMENT;
        }
        if (value < 1) {
            throw new IllegalArgumentException(
                    "size '" + text + "' must be at least 1 element (" + BYTES_PER_ELEMENT + " bytes)");
        }
        if (value > MAX_ELEMENTS) {
            throw tooLarge(text);
        }
        return (int) value;
    }

    private static long multiplier(String prefix) {
        if (prefix == null) {
            return 1;
        }
        return switch (prefix.toUpperCase(Locale.ROOT)) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            default -> 1L << 30;
        };
    }

    private static IllegalArgumentException tooLarge(String text) {
        return new IllegalArgumentException("size '" + text + "' is too large; at most " + format(MAX_ELEMENTS)
                + " elements (" + formatBytes(bytes(MAX_ELEMENTS)) + ")");
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

    /** Elements as the shortest exact form {@link #parse} reads back: 1, 1000, 1Ki, 64Ki, 1Mi. */
    public static String format(long elements) {
        if (elements >= 1L << 20 && elements % (1L << 20) == 0) {
            return elements / (1L << 20) + "Mi";
        }
        if (elements >= 1L << 10 && elements % (1L << 10) == 0) {
            return elements / (1L << 10) + "Ki";
        }
        return Long.toString(elements);
    }

    /** Bytes for people, with binary prefixes: 4 B, 64 KiB, 4 MiB; 1.5 KiB where not whole. */
    public static String formatBytes(long bytes) {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%d %s", (long) value, BYTE_UNITS[unit])
                : String.format(Locale.ROOT, "%.1f %s", value, BYTE_UNITS[unit]);
    }

    /** Elements and their bytes, for headers and progress lines: {@code 1Ki (4 KiB)}. */
    public static String describe(long elements) {
        return format(elements) + " (" + formatBytes(bytes(elements)) + ")";
    }
}

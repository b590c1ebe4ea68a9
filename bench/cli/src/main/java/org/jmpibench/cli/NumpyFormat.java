package org.jmpibench.cli;

import java.util.StringJoiner;

/** Prints arrays the way NumPy does for the seed's small arrays, so the demo's output reads like the seed's. */
final class NumpyFormat {

    private NumpyFormat() {}

    /** {@code [0 1 2]}; like NumPy, every element is padded to the widest one: {@code [ 0 10]}. */
    static String ints(int[] values) {
        return row(values, 0, values.length, widest(values));
    }

    /**
     * A 2-D array of {@code values.length / width} rows, {@code [[0 0]\n [1 1]]}, every element padded to the widest of
     * the whole array, as NumPy does: {@code [[ 0 0]\n [10 10]]}.
     */
    static String rows(int[] values, int width) {
        int pad = widest(values);
        StringJoiner joined = new StringJoiner("\n ", "[", "]");
        for (int start = 0; start < values.length; start += width) {
            joined.add(row(values, start, width, pad));
        }
        return joined.toString();
    }

    private static String row(int[] values, int start, int count, int pad) {
        StringJoiner joined = new StringJoiner(" ", "[", "]");
        for (int i = start; i < start + count; i++) {
            String text = Integer.toString(values[i]);
            joined.add(" ".repeat(pad - text.length()) + text);
        }
        return joined.toString();
    }

    private static int widest(int[] values) {
        int widest = 0;
        for (int value : values) {
            widest = Math.max(widest, Integer.toString(value).length());
        }
        return widest;
    }

    /** {@code [1.5 1.5]} or, for whole numbers, NumPy's {@code [1. 1.]}. */
    static String doubles(double[] values) {
        StringJoiner joined = new StringJoiner(" ", "[", "]");
        for (double value : values) {
            joined.add(
                    value == Math.rint(value) && !Double.isInfinite(value)
                            ? (long) value + "."
                            : Double.toString(value));
        }
        return joined.toString();
    }
}

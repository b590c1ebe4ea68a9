package org.jmpibench.cli;

import java.util.StringJoiner;

/** Prints arrays the way NumPy does for the seed's small arrays, so the demo's output reads like the seed's. */
final class NumpyFormat {

    private NumpyFormat() {
    }

    /** {@code [0 1 2]} */
    static String ints(int[] values) {
        StringJoiner joined = new StringJoiner(" ", "[", "]");
        for (int value : values) {
            joined.add(Integer.toString(value));
        }
        return joined.toString();
    }

    /** A 2-D array of {@code values.length / width} rows: {@code [[0 0]\n [1 1]]}. */
    static String rows(int[] values, int width) {
        StringJoiner joined = new StringJoiner("\n ", "[", "]");
        for (int start = 0; start < values.length; start += width) {
            int[] row = new int[width];
            System.arraycopy(values, start, row, 0, width);
            joined.add(ints(row));
        }
        return joined.toString();
    }

    /** {@code [1.5 1.5]} or, for whole numbers, NumPy's {@code [1. 1.]}. */
    static String doubles(double[] values) {
        StringJoiner joined = new StringJoiner(" ", "[", "]");
        for (double value : values) {
            joined.add(value == Math.rint(value) && !Double.isInfinite(value)
                    ? (long) value + "." : Double.toString(value));
        }
        return joined.toString();
    }
}

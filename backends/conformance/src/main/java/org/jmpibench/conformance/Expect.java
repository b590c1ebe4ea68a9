package org.jmpibench.conformance;

import java.util.Arrays;

/** Assertions inside a rank: a failed one throws, the rank exits non-zero, the job fails naming it. */
final class Expect {

    private Expect() {}

    static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    static void equal(int[] expected, int[] actual, String what) {
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError(what + ": "
                    + firstDifference(
                            expected.length,
                            actual.length,
                            i -> expected[i] == actual[i],
                            i -> expected[i] + " vs " + actual[i]));
        }
    }

    static void equal(double[] expected, double[] actual, String what) {
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError(what + ": "
                    + firstDifference(
                            expected.length,
                            actual.length,
                            i -> Double.compare(expected[i], actual[i]) == 0,
                            i -> expected[i] + " vs " + actual[i]));
        }
    }

    /** One element of a result: the first wrong one fails the check, naming its index and both values. */
    static void element(double expected, double actual, String what, int index) {
        if (Double.compare(expected, actual) != 0) {
            throw new AssertionError(what + ": element " + index + " is " + actual + ", expected " + expected);
        }
    }

    private static String firstDifference(
            int expectedLength,
            int actualLength,
            java.util.function.IntPredicate same,
            java.util.function.IntFunction<String> show) {
        if (expectedLength != actualLength) {
            return "length " + expectedLength + " expected, got " + actualLength;
        }
        for (int i = 0; i < expectedLength; i++) {
            if (!same.test(i)) {
                return "first difference at index " + i + ": expected " + show.apply(i);
            }
        }
        return "equal";
    }

    /** A pattern that tells apart sender, tag and position, so a misplaced block cannot look right. */
    static int pattern(int source, int salt, int index) {
        return source * 1_000_003 + salt * 7919 + index;
    }

    static int[] ints(int count, int source, int salt) {
        int[] data = new int[count];
        for (int i = 0; i < count; i++) {
            data[i] = pattern(source, salt, i);
        }
        return data;
    }

    static double[] doubles(int count, int source, int salt) {
        double[] data = new double[count];
        for (int i = 0; i < count; i++) {
            data[i] = pattern(source, salt, i) + 0.25;
        }
        return data;
    }
}

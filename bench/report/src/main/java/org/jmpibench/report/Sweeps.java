package org.jmpibench.report;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Selections shared by the chart kinds: which results have a size and a rank count, and their distinct values. */
final class Sweeps {
    static final String SIZE_AXIS_TITLE = "message size (bytes, log scale)";

    private Sweeps() {}

    /** Results that can sit on a log size axis: a size of at least one element and a rank count. */
    static List<Measurement> withSizeAndRanks(List<Measurement> measurements) {
        return measurements.stream()
                .filter(m -> m.ranks().isPresent()
                        && m.sizeElements().isPresent()
                        && m.sizeElements().getAsLong() > 0)
                .collect(Collectors.toList());
    }

    static List<Measurement> withRanks(List<Measurement> measurements, int ranks) {
        return measurements.stream()
                .filter(m -> m.ranks().isPresent() && m.ranks().getAsInt() == ranks)
                .collect(Collectors.toList());
    }

    static List<Measurement> withSize(List<Measurement> measurements, long size) {
        return measurements.stream()
                .filter(m -> m.sizeElements().isPresent() && m.sizeElements().getAsLong() == size)
                .collect(Collectors.toList());
    }

    static TreeSet<Integer> distinctRanks(List<Measurement> measurements) {
        return measurements.stream()
                .filter(m -> m.ranks().isPresent())
                .map(m -> m.ranks().getAsInt())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static TreeSet<Long> distinctSizeSet(List<Measurement> measurements) {
        return measurements.stream()
                .filter(m -> m.sizeElements().isPresent())
                .map(m -> m.sizeElements().getAsLong())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The x positions of the distinct sizes on a {@link ChartStyle#bytesOnX bytes axis}, ascending. */
    static double[] sizePositions(List<Measurement> measurements) {
        return distinctSizeSet(measurements).stream()
                .mapToDouble(ChartStyle::bytesX)
                .toArray();
    }
}

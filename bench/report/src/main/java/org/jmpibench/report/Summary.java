package org.jmpibench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jmpibench.results.Metric;
import org.jmpibench.results.Sizes;

/**
 * The report's first table: for each run, operation and rank count, the fastest series (backend, with its buffer kind
 * or idle strategy where those vary) in each band of message sizes, how far ahead of the next one it is, and whether
 * that lead is clear.
 *
 * <p>Within a band, a series' time is the geometric mean of its times at the band's sizes (each size counts the same,
 * whatever its scale). Only series with a result at every size of the band that any series has take part: a failed job
 * cannot win by leaving out its slow sizes. The lead is clear when, at every size of the band, the winner's 99.9%
 * confidence interval ends below the runner-up's; otherwise the two are called close.
 */
final class Summary {

    /** Bands of message sizes in bytes: where latency rules, the middle, and where bandwidth rules. */
    enum Band {
        SMALL("up to 1 KiB", 0, 1L << 10),
        MEDIUM("over 1 KiB, up to 64 KiB", 1L << 10, 64L << 10),
        LARGE("over 64 KiB", 64L << 10, Long.MAX_VALUE);

        private final String title;
        private final long aboveBytes;
        private final long upToBytes;

        Band(String title, long aboveBytes, long upToBytes) {
            this.title = title;
            this.aboveBytes = aboveBytes;
            this.upToBytes = upToBytes;
        }

        String title() {
            return title;
        }

        boolean holds(long bytes) {
            return bytes > aboveBytes && bytes <= upToBytes;
        }
    }

    /**
     * The fastest series of a band and the next one (null when it was the only one), with the factor between their
     * times and whether the lead is clear.
     */
    record Cell(SeriesKey winner, SeriesKey runnerUp, double factor, boolean clear) {}

    /** One row: a run, an operation and a rank count, and the cell of every band that has sizes. */
    record Row(RunResults run, String operation, int ranks, Map<Band, Cell> cells) {}

    private Summary() {}

    static List<Row> rows(ReportData data) {
        List<Row> rows = new ArrayList<>();
        for (RunResults run : data.runs()) {
            for (String operation : data.operations()) {
                List<Measurement> ofRun = Sweeps.withSizeAndRanks(data.of(operation)).stream()
                        .filter(m -> m.run().equals(run.label()) && Measurement.plottable(m.time()))
                        .collect(Collectors.toList());
                for (int ranks : Sweeps.distinctRanks(ofRun)) {
                    List<Measurement> group = Sweeps.withRanks(ofRun, ranks);
                    Map<Band, Cell> cells = new EnumMap<>(Band.class);
                    for (Band band : Band.values()) {
                        cell(
                                        data,
                                        group.stream()
                                                .filter(m ->
                                                        band.holds(m.sizeBytes().getAsLong()))
                                                .collect(Collectors.toList()))
                                .ifPresent(cell -> cells.put(band, cell));
                    }
                    if (!cells.isEmpty()) {
                        rows.add(new Row(run, operation, ranks, cells));
                    }
                }
            }
        }
        return rows;
    }

    private static Optional<Cell> cell(ReportData data, List<Measurement> inBand) {
        Set<Long> sizes = Sweeps.distinctSizeSet(inBand);
        if (sizes.isEmpty()) {
            return Optional.empty();
        }
        record Candidate(SeriesKey key, double geometricMean, Map<Long, Metric> times) {}
        List<Candidate> candidates = new ArrayList<>();
        for (SeriesKey key : data.keysOf(inBand)) {
            Map<Long, Metric> times = inBand.stream()
                    .filter(m -> data.keyOf(m).equals(key))
                    .collect(Collectors.toMap(m -> m.sizeElements().getAsLong(), Measurement::time, (a, b) -> a));
            if (times.keySet().equals(sizes)) {
                double logSum = times.values().stream()
                        .mapToDouble(t -> Math.log(t.score()))
                        .sum();
                candidates.add(new Candidate(key, Math.exp(logSum / sizes.size()), times));
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        candidates.sort(Comparator.comparingDouble(Candidate::geometricMean));
        Candidate winner = candidates.get(0);
        if (candidates.size() == 1) {
            return Optional.of(new Cell(winner.key(), null, Double.NaN, false));
        }
        Candidate next = candidates.get(1);
        boolean clear = sizes.stream()
                .allMatch(size -> winner.times().get(size).confidenceHigh()
                        < next.times().get(size).confidenceLow());
        return Optional.of(new Cell(winner.key(), next.key(), next.geometricMean() / winner.geometricMean(), clear));
    }

    /** The sizes of a band in a group, for the cell's tooltip: {@code 4 B, 64 B}. */
    static String sizesOf(ReportData data, Row row, Band band) {
        return data.of(row.operation()).stream()
                .filter(m -> m.run().equals(row.run().label())
                        && m.ranks().isPresent()
                        && m.ranks().getAsInt() == row.ranks()
                        && m.sizeBytes().isPresent()
                        && band.holds(m.sizeBytes().getAsLong()))
                .map(m -> m.sizeBytes().getAsLong())
                .collect(Collectors.toCollection(TreeSet::new))
                .stream()
                .map(Sizes::formatBytes)
                .collect(Collectors.joining(", "));
    }
}

package org.jmpibench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jmpibench.results.Metric;
import org.jmpibench.results.Operation;
import org.jmpibench.results.SecondaryMetric;

/**
 * gather-average beside its parts, all from the same run: for each gather-average result, its three phases as rank 0
 * timed them ({@link Operation#phases()}), and the suite's own {@code gather} of the same {@code size} ints plus the
 * average phase plus the suite's {@code bcast} of {@code 2 size} ints (the {@code size} doubles' bytes). The composite
 * should cost about its parts; the ratio says by how much it does not. Beside it, the same computation the MPI way:
 * {@code allreduce-average} of the same size in the same series and np (issue 16's comparison), when the run has it.
 *
 * @param composite the gather-average result
 * @param phases its phases in {@link Operation#phases()}'s order, us/op; NaN where not recorded
 * @param gather the suite's gather of {@code size} ints in the same series and np, if the run has it
 * @param bcast the suite's bcast of {@code 2 size} ints in the same series and np, if the run has it
 * @param allreduceAverage the suite's allreduce-average of {@code size} ints in the same series and np, if the run has
 *     it
 */
record GatherAverageParts(
        Measurement composite,
        double[] phases,
        Optional<Measurement> gather,
        Optional<Measurement> bcast,
        Optional<Measurement> allreduceAverage) {

    /** The operation whose results get a row. */
    static final Operation COMPOSITE = Operation.GATHER_AVERAGE;

    /** Every gather-average result of {@code data}, in the data's order, with its parts. */
    static List<GatherAverageParts> of(ReportData data) {
        List<GatherAverageParts> rows = new ArrayList<>();
        for (Measurement m : data.of(COMPOSITE.cliName())) {
            if (m.ranks().isEmpty() || m.sizeElements().isEmpty()) {
                continue;
            }
            List<SecondaryMetric> names = COMPOSITE.phases();
            double[] phases = new double[names.size()];
            for (int i = 0; i < phases.length; i++) {
                Metric phase = m.otherTimes().get(names.get(i).jmhName());
                phases[i] = phase == null ? Double.NaN : phase.score();
            }
            long size = m.sizeElements().getAsLong();
            rows.add(new GatherAverageParts(
                    m,
                    phases,
                    partner(data, m, Operation.GATHER, size),
                    partner(data, m, Operation.BCAST, 2 * size),
                    partner(data, m, Operation.ALLREDUCE_AVERAGE, size)));
        }
        return rows;
    }

    /** The result of {@code op} at {@code size} in the same run, series (backend and variant) and np as {@code m}. */
    private static Optional<Measurement> partner(ReportData data, Measurement m, Operation op, long size) {
        SeriesKey key = data.keyOf(m);
        return data.of(op.cliName()).stream()
                .filter(other -> data.keyOf(other).equals(key)
                        && other.ranks().equals(m.ranks())
                        && other.sizeElements().isPresent()
                        && other.sizeElements().getAsLong() == size)
                .findFirst();
    }

    boolean hasPhases() {
        for (double phase : phases) {
            if (Double.isFinite(phase)) {
                return true;
            }
        }
        return false;
    }

    double phase(SecondaryMetric metric) {
        int index = COMPOSITE.phases().indexOf(metric);
        return index < 0 ? Double.NaN : phases[index];
    }

    /** Sum of the phases: what rank 0's score should be, less the clock reads. */
    double phaseSum() {
        double sum = 0;
        for (double phase : phases) {
            sum += phase;
        }
        return sum;
    }

    /** gather(size) + the average phase + bcast(2 size), from the run's own benchmarks; NaN when one is missing. */
    double parts() {
        if (gather.isEmpty() || bcast.isEmpty()) {
            return Double.NaN;
        }
        return gather.get().time().score()
                + phase(SecondaryMetric.AVERAGE_PHASE)
                + bcast.get().time().score();
    }

    /** The composite's score divided by {@link #parts()}: 1 when it costs exactly its parts. */
    double ratio() {
        return composite.time().score() / parts();
    }

    /** The composite's score divided by allreduce-average's at the same size: below 1, gather-average is faster. */
    double ratioToAllreduceAverage() {
        return allreduceAverage
                .map(a -> composite.time().score() / a.time().score())
                .orElse(Double.NaN);
    }
}

package org.jmpibench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jmpibench.results.Sizes;

/**
 * Finds the results a run should have but does not: within one run, operation and rank count, every series is expected
 * at every size that any series of that group has. A failed JMH job leaves no entry in the results file, so this is
 * where failures become visible in the report (the charts show them as gaps).
 */
final class MissingResults {
    private MissingResults() {}

    /** One line per series with missing sizes, e.g. "np=4, mpj-niodev: no result at size 1Mi (4 MiB)". */
    static List<String> describe(ReportData data, String operation) {
        List<String> lines = new ArrayList<>();
        List<Measurement> all = Sweeps.withSizeAndRanks(data.of(operation));
        for (RunResults run : data.runs()) {
            List<Measurement> ofRun =
                    all.stream().filter(m -> m.run().equals(run.label())).collect(Collectors.toList());
            for (int ranks : Sweeps.distinctRanks(ofRun)) {
                List<Measurement> group = Sweeps.withRanks(ofRun, ranks);
                Set<Long> sizes = Sweeps.distinctSizeSet(group);
                List<SeriesKey> keys = data.keysOf(group);
                Map<SeriesKey, String> labels = data.labelsFor(keys);
                for (SeriesKey key : keys) {
                    Set<Long> have = group.stream()
                            .filter(m -> data.keyOf(m).equals(key))
                            .map(m -> m.sizeElements().getAsLong())
                            .collect(Collectors.toCollection(TreeSet::new));
                    List<String> absent = sizes.stream()
                            .filter(size -> !have.contains(size))
                            .map(Sizes::describe)
                            .collect(Collectors.toList());
                    if (!absent.isEmpty()) {
                        lines.add("np=" + ranks + ", " + labels.get(key) + ": no result at size "
                                + String.join(", ", absent));
                    }
                }
            }
        }
        return lines;
    }
}

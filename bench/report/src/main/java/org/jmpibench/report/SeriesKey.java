package org.jmpibench.report;

import java.util.Collections;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jmpibench.results.Param;

/**
 * What one line in a chart stands for: a run, a backend, how many hosts its jobs spanned and the variant parameters
 * (buffer kind, other {@code @Param}s, JMH mode). Results that differ only in the axes ({@code np}, {@code size}) share
 * a key. The exact layout is not part of it: it changes with np ({@code 2hosts:0/1}, then {@code 2hosts:0+2/1+3}) while
 * the line is the same run over the same hosts; the number of hosts keeps intra-host and inter-host results apart.
 */
record SeriesKey(int runIndex, String run, String backend, int hosts, SortedMap<String, String> variant) {

    /** Variants in a stable order, the plain one (no parameter off its neutral value) first. */
    static final Comparator<SortedMap<String, String>> VARIANT_ORDER = Comparator.comparingInt(
                    (SortedMap<String, String> variant) -> variant.size())
            .thenComparing(Object::toString);

    static final Comparator<SeriesKey> ORDER = Comparator.comparingInt(SeriesKey::runIndex)
            .thenComparing(SeriesKey::backend)
            .thenComparingInt(SeriesKey::hosts)
            .thenComparing(SeriesKey::variant, VARIANT_ORDER);

    SeriesKey {
        variant = Collections.unmodifiableSortedMap(new TreeMap<>(variant));
    }

    static SeriesKey of(int runIndex, Measurement measurement) {
        SortedMap<String, String> variant = new TreeMap<>(measurement.variant());
        variant.remove(Param.LAYOUT.jmhName());
        return new SeriesKey(runIndex, measurement.run(), measurement.backend(), measurement.hosts(), variant);
    }
}

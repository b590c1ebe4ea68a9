package org.jmpibench.report;

import java.util.Collections;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one line in a chart stands for: a run, a backend and the variant parameters (buffer kind, other
 * {@code @Param}s, JMH mode). Results that differ only in the axes ({@code np}, {@code size}) share a key.
 */
record SeriesKey(int runIndex, String run, String backend, SortedMap<String, String> variant) {

  static final Comparator<SeriesKey> ORDER = Comparator.comparingInt(SeriesKey::runIndex)
      .thenComparing(SeriesKey::backend)
      .thenComparing(key -> key.variant().toString());

  SeriesKey {
    variant = Collections.unmodifiableSortedMap(new TreeMap<>(variant));
  }

  static SeriesKey of(int runIndex, Measurement measurement) {
    return new SeriesKey(runIndex, measurement.run(), measurement.backend(), measurement.variant());
  }
}

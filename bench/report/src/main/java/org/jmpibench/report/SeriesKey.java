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

  /** Variants in a stable order, the plain one (no parameter off its neutral value) first. */
  static final Comparator<SortedMap<String, String>> VARIANT_ORDER =
      Comparator.comparingInt((SortedMap<String, String> variant) -> variant.size()).thenComparing(Object::toString);

  static final Comparator<SeriesKey> ORDER = Comparator.comparingInt(SeriesKey::runIndex)
      .thenComparing(SeriesKey::backend)
      .thenComparing(SeriesKey::variant, VARIANT_ORDER);

  SeriesKey {
    variant = Collections.unmodifiableSortedMap(new TreeMap<>(variant));
  }

  static SeriesKey of(int runIndex, Measurement measurement) {
    return new SeriesKey(runIndex, measurement.run(), measurement.backend(), measurement.variant());
  }
}

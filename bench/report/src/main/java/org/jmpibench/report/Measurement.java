package org.jmpibench.report;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One JMH result object of one run: which operation, with which parameters, how long it took.
 *
 * <p>Parameters follow the harness's conventions: {@code backend}, {@code np} (ranks), {@code size} (elements of
 * {@value #BYTES_PER_ELEMENT} bytes: the benchmarks move {@code int}s), {@code buffer} ({@code array} or
 * {@code direct}), and possibly others (e.g. {@code idle}); the reader has checked {@code np} and {@code size}.
 *
 * @param run the run's label (see {@link RunResults#label()})
 * @param benchmark JMH's benchmark name, e.g. {@code org.jmpibench.harness.PingPong.pingPong}
 * @param operation see {@link Operations}
 * @param mode JMH's mode ({@code avgt}, {@code ss}, ...)
 * @param params JMH's {@code params}, unmodifiable
 * @param time the primary metric; for "send" half a round trip per message
 * @param slowestRank the {@code slowestRank} secondary metric (collectives), or {@code null}
 * @param otherTimes the other secondary metrics that are times per operation (e.g. a hand-timed cross-check), by
 *     name; shown in the tables only. Profilers' metrics in other units (bytes, counts) are left out.
 */
public record Measurement(
    String run,
    String benchmark,
    String operation,
    String mode,
    Map<String, String> params,
    Metric time,
    Metric slowestRank,
    SortedMap<String, Metric> otherTimes) {

  /** Bytes per element of a benchmark's {@code size}: the benchmarks send {@code int}s. */
  public static final int BYTES_PER_ELEMENT = Integer.BYTES;

  /** Parameters that are chart axes or the series' main name, not a series variant. */
  private static final Set<String> AXIS_PARAMS = Set.of("backend", "np", "size");

  public Measurement {
    params = Collections.unmodifiableMap(new TreeMap<>(params));
    otherTimes = Collections.unmodifiableSortedMap(new TreeMap<>(otherTimes));
  }

  public String backend() {
    return params.getOrDefault("backend", "(no backend)");
  }

  public OptionalInt ranks() {
    String np = params.get("np");
    return np == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(np.trim()));
  }

  public OptionalLong sizeElements() {
    String size = params.get("size");
    return size == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(size.trim()));
  }

  public OptionalLong sizeBytes() {
    OptionalLong elements = sizeElements();
    return elements.isPresent() ? OptionalLong.of(elements.getAsLong() * BYTES_PER_ELEMENT) : OptionalLong.empty();
  }

  public Optional<Metric> slowest() {
    return Optional.ofNullable(slowestRank);
  }

  /**
   * Bandwidth in MB/s (10^6 bytes per second) of a "send" result: its score is the one-way time of one message,
   * so bytes per microsecond, which is MB/s. Empty when the size is unknown or the score is not positive.
   */
  public Optional<Double> bandwidthMBps() {
    OptionalLong bytes = sizeBytes();
    if (bytes.isEmpty() || !time.plottableOnLogAxis()) {
      return Optional.empty();
    }
    return Optional.of(bytes.getAsLong() / time.scoreUs());
  }

  /** Every parameter but backend, np and size, plus the JMH mode: what tells two series of one backend apart. */
  public SortedMap<String, String> variant() {
    SortedMap<String, String> variant = new TreeMap<>();
    params.forEach((name, value) -> {
      if (!AXIS_PARAMS.contains(name)) {
        variant.put(name, value);
      }
    });
    variant.put("mode", mode);
    return variant;
  }
}

package org.jmpibench.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jmpibench.results.JdkRelease;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;

/**
 * All runs being plotted together, with what every chart needs to agree on: the order of operations, each
 * series' colour (the same line has the same colour in every chart) and each series' label.
 */
final class ReportData {
  /** Tableau 10, reordered so that the first colours are the easiest to tell apart on white. */
  private static final Color[] PALETTE = {
    new Color(0x4E79A7), new Color(0xE15759), new Color(0x59A14F), new Color(0xF28E2B), new Color(0xB07AA1),
    new Color(0x76B7B2), new Color(0x9C755F), new Color(0xFF9DA7), new Color(0xBAB0AC), new Color(0xEDC948)
  };

  private static final String IDLE = Param.IDLE.jmhName();
  private static final String JDK = Param.JDK.jmhName();

  private final List<RunResults> runs;
  private final List<Measurement> measurements = new ArrayList<>();
  private final Map<Measurement, SeriesKey> keys = new HashMap<>();
  private final Map<SeriesKey, Color> colors = new HashMap<>();

  ReportData(List<RunResults> runs) {
    this.runs = List.copyOf(runs);
    for (int i = 0; i < runs.size(); i++) {
      for (Measurement m : runs.get(i).measurements()) {
        measurements.add(m);
        keys.put(m, SeriesKey.of(i, m));
      }
    }
    List<SeriesKey> all = keys.values().stream().distinct().sorted(SeriesKey.ORDER).collect(Collectors.toList());
    for (int i = 0; i < all.size(); i++) {
      colors.put(all.get(i), PALETTE[i % PALETTE.length]);
    }
  }

  List<RunResults> runs() {
    return runs;
  }

  List<Measurement> measurements() {
    return measurements;
  }

  /** Operations present: ours in {@link Operation}'s order, then others in the order they first appear. */
  List<String> operations() {
    Set<String> operations = new LinkedHashSet<>();
    measurements.forEach(m -> operations.add(m.operation()));
    List<String> ordered = new ArrayList<>(operations);
    ordered.sort(Comparator.comparingInt(ReportData::pageRank)); // stable: first come among equals
    return ordered;
  }

  /** Our operation of this name, if it is one (other benchmarks are named by their method). */
  static Optional<Operation> known(String operation) {
    return Arrays.stream(Operation.values()).filter(op -> op.cliName().equals(operation)).findFirst();
  }

  /** Whether the operation's time is one message's, so bytes / time is its bandwidth (send). */
  static boolean perMessage(String operation) {
    return known(operation).map(Operation::hasBandwidth).orElse(false);
  }

  private static int pageRank(String operation) {
    return known(operation).map(Operation::ordinal).orElse(Operation.values().length);
  }

  List<Measurement> of(String operation) {
    return measurements.stream().filter(m -> m.operation().equals(operation)).collect(Collectors.toList());
  }

  SeriesKey keyOf(Measurement measurement) {
    return keys.get(measurement);
  }

  Color colorOf(SeriesKey key) {
    return colors.get(key);
  }

  /** Distinct series keys among {@code subset}, in a stable order (run, backend, variant). */
  List<SeriesKey> keysOf(List<Measurement> subset) {
    return subset.stream().map(keys::get).distinct().sorted(SeriesKey.ORDER).collect(Collectors.toList());
  }

  /**
   * Labels for the series of one chart: the backend, preceded by the run when several runs are plotted, followed by
   * those variant values that differ between the chart's series (the buffer kind only when both kinds are there).
   * The idle strategy, when it differs, joins the backend as in the harness's table: {@code shm/spin}, and plain
   * {@code shm} for the default. A series whose jobs spanned hosts always says how many ({@code tcp, 2 hosts}), so
   * that no inter-host line passes for an intra-host one. The JDK, when it differs, is named by its release
   * ({@code shm, JDK 25}).
   */
  Map<SeriesKey, String> labelsFor(List<SeriesKey> chartKeys) {
    Set<String> varying = new TreeSet<>();
    for (SeriesKey key : chartKeys) {
      for (Map.Entry<String, String> entry : key.variant().entrySet()) {
        boolean differs = chartKeys.stream()
            .anyMatch(other -> !entry.getValue().equals(other.variant().get(entry.getKey())));
        if (differs) {
          varying.add(entry.getKey());
        }
      }
    }
    Map<SeriesKey, String> labels = new HashMap<>();
    for (SeriesKey key : chartKeys) {
      StringBuilder label = new StringBuilder();
      if (runs.size() > 1) {
        label.append(key.run()).append(": ");
      }
      label.append(key.backend());
      String idle = key.variant().get(IDLE);
      if (varying.contains(IDLE) && idle != null && !Param.IDLE.isNeutral(idle)) {
        label.append('/').append(idle);
      }
      if (key.hosts() > 1) {
        label.append(", ").append(key.hosts()).append(" hosts");
      }
      if (varying.contains(JDK)) {
        label.append(", ").append(JdkRelease.label(key.variant().get(JDK)));
      }
      for (String name : varying) {
        if (name.equals(IDLE) || name.equals(JDK)) {
          continue;
        }
        String value = key.variant().getOrDefault(name, "-");
        // the buffer kind reads well alone ("openmpi direct"); other parameters need their name
        label.append(' ').append(name.equals(Param.BUFFER.jmhName()) ? value : name + "=" + value);
      }
      labels.put(key, label.toString());
    }
    return labels;
  }
}

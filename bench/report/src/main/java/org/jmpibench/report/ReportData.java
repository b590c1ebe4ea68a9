package org.jmpibench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jmpibench.results.JdkRelease;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;

/**
 * All runs being plotted together, with what every chart needs to agree on: the order of operations, each series' style
 * ({@link ChartStyle}: colour by backend, line by run, marker by variant, the same in every chart) and each series'
 * label.
 */
final class ReportData {
    private static final String IDLE = Param.IDLE.jmhName();
    private static final String JDK = Param.JDK.jmhName();

    private final List<RunResults> runs;
    private final List<Measurement> measurements = new ArrayList<>();
    private final Map<Measurement, SeriesKey> keys = new HashMap<>();
    /** Every variant (buffer kind, idle strategy, JDK, hosts...) in a stable order: its index picks its marker. */
    private final List<SortedMap<String, String>> variants;

    ReportData(List<RunResults> runs) {
        this.runs = List.copyOf(runs);
        for (int i = 0; i < runs.size(); i++) {
            for (Measurement m : runs.get(i).measurements()) {
                measurements.add(m);
                keys.put(m, SeriesKey.of(i, m));
            }
        }
        variants = keys.values().stream()
                .map(ReportData::markerVariant)
                .distinct()
                .sorted(SeriesKey.VARIANT_ORDER)
                .collect(Collectors.toList());
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
        return Arrays.stream(Operation.values())
                .filter(op -> op.cliName().equals(operation))
                .findFirst();
    }

    /** Whether the operation's time is one message's, so bytes / time is its bandwidth (send). */
    static boolean perMessage(String operation) {
        return known(operation).map(Operation::hasBandwidth).orElse(false);
    }

    private static int pageRank(String operation) {
        return known(operation).map(Operation::ordinal).orElse(Operation.values().length);
    }

    List<Measurement> of(String operation) {
        return measurements.stream()
                .filter(m -> m.operation().equals(operation))
                .collect(Collectors.toList());
    }

    SeriesKey keyOf(Measurement measurement) {
        return keys.get(measurement);
    }

    ChartStyle.SeriesStyle styleOf(SeriesKey key) {
        return ChartStyle.styleOf(key.backend(), key.runIndex(), variants.indexOf(markerVariant(key)));
    }

    /**
     * What a series' marker tells apart: its variant and, for a series whose jobs spanned hosts, how many, so an
     * inter-host line of a backend does not look like its intra-host one in the same run.
     */
    private static SortedMap<String, String> markerVariant(SeriesKey key) {
        if (key.hosts() == 1) {
            return key.variant();
        }
        SortedMap<String, String> variant = new TreeMap<>(key.variant());
        variant.put("hosts", Integer.toString(key.hosts()));
        return variant;
    }

    /** What a caption says about line styles when several runs share the charts; empty for one run. */
    static String styleNote(ReportData data) {
        if (data.runs.size() < 2) {
            return "";
        }
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < data.runs.size(); i++) {
            runs.add(ChartStyle.runLineName(i) + ": " + data.runs.get(i).label());
        }
        return " Colour: backend; line: run (" + String.join(", ", runs) + ").";
    }

    /** Distinct series keys among {@code subset}, in a stable order (run, backend, variant). */
    List<SeriesKey> keysOf(List<Measurement> subset) {
        return subset.stream().map(keys::get).distinct().sorted(SeriesKey.ORDER).collect(Collectors.toList());
    }

    /**
     * Labels for the series of one chart: the backend, preceded by the run when several runs are plotted, followed by
     * those variant values that differ between the chart's series (the buffer kind only when both kinds are there). The
     * idle strategy, when it differs, joins the backend as in the harness's table: {@code shm/spin}, and plain
     * {@code shm} for the default. A series whose jobs spanned hosts always says how many ({@code tcp, 2 hosts}), so
     * that no inter-host line passes for an intra-host one. The JDK, when it differs, is named by its release
     * ({@code shm, JDK 25}).
     */
    Map<SeriesKey, String> labelsFor(List<SeriesKey> chartKeys) {
        Set<String> varying = new TreeSet<>();
        for (SeriesKey key : chartKeys) {
            for (Map.Entry<String, String> entry : key.variant().entrySet()) {
                boolean differs = chartKeys.stream()
                        .anyMatch(other ->
                                !entry.getValue().equals(other.variant().get(entry.getKey())));
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
            label.append(
                    varying.contains(IDLE)
                            ? Param.variantLabel(key.backend(), key.variant().get(IDLE))
                            : key.backend());
            if (key.hosts() > 1) {
                label.append(", ").append(key.hosts()).append(" hosts");
            }
            if (varying.contains(JDK)) {
                // a variant leaves a neutral value out (Measurement#variant): no jdk is the neutral release
                label.append(", ")
                        .append(JdkRelease.label(key.variant()
                                .getOrDefault(JDK, Param.JDK.neutralValue().orElseThrow())));
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

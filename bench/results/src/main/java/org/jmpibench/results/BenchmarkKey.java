package org.jmpibench.results;

import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What identifies one benchmark result across runs: the benchmark method's full name, the JMH mode and all
 * {@code @Param} values. Two results with the same key measure the same thing and can be compared.
 *
 * <p>A parameter added to the harness after a baseline was recorded would make every old result unmatched; when its
 * value is the one that means "as before" ({@link Param#neutralValue()}) it is left out of the key, so a default run
 * still compares with a baseline from before the parameter existed.
 *
 * @param benchmark the full name JMH writes, e.g. {@code org.jmpibench.harness.PingPong.send}
 * @param mode JMH's short mode label: {@code avgt, thrpt, sample, ss}
 * @param params the {@code @Param} values by name, sorted by name; empty when the benchmark has none
 */
public record BenchmarkKey(String benchmark, String mode, SortedMap<String, String> params)
        implements Comparable<BenchmarkKey> {

    private static final Comparator<BenchmarkKey> ORDER = Comparator.comparing(BenchmarkKey::benchmark)
            .thenComparing(BenchmarkKey::mode)
            .thenComparing(BenchmarkKey::params, BenchmarkKey::compareParams);

    /** Validates and freezes the parameters; drops {@linkplain Param#isNeutral neutral} ones. */
    public BenchmarkKey {
        if (benchmark == null || benchmark.isBlank()) {
            throw new IllegalArgumentException("benchmark name must not be blank: '" + benchmark + "'");
        }
        if (mode == null || mode.isBlank()) {
            throw new IllegalArgumentException("mode must not be blank: '" + mode + "'");
        }
        TreeMap<String, String> kept = new TreeMap<>(params);
        kept.entrySet()
                .removeIf(e -> Param.byJmhName(e.getKey())
                        .map(p -> p.isNeutral(e.getValue()))
                        .orElse(false));
        params = Collections.unmodifiableSortedMap(kept);
    }

    /** A key with the parameters of any map, sorted by name. */
    public static BenchmarkKey of(String benchmark, String mode, Map<String, String> params) {
        return new BenchmarkKey(benchmark, mode, new TreeMap<>(params));
    }

    /** The parameters as {@code backend=loopback np=2 size=1024}, sorted by name; empty without parameters. */
    public String paramsText() {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** Parameter by parameter, numbers by value, so size=2 sorts before size=1024. */
    private static int compareParams(SortedMap<String, String> a, SortedMap<String, String> b) {
        var ia = a.entrySet().iterator();
        var ib = b.entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<String, String> ea = ia.next();
            Map.Entry<String, String> eb = ib.next();
            int byName = ea.getKey().compareTo(eb.getKey());
            if (byName != 0) {
                return byName;
            }
            int byValue = compareValues(ea.getValue(), eb.getValue());
            if (byValue != 0) {
                return byValue;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    private static int compareValues(String a, String b) {
        try {
            int byNumber = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
            if (byNumber != 0) {
                return byNumber;
            }
        } catch (NumberFormatException notBothNumbers) {
            // compare as text
        }
        return a.compareTo(b);
    }

    @Override
    public int compareTo(BenchmarkKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        String p = paramsText();
        return benchmark + " [" + mode + (p.isEmpty() ? "" : " " + p) + "]";
    }
}

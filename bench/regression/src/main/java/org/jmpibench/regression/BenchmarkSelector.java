package org.jmpibench.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jmpibench.results.BenchmarkKey;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.Sizes;

/**
 * Picks benchmarks by what they are, for per-benchmark thresholds ({@code --threshold op:send,backend:shm=15%}) and for
 * {@code history --select}: comma-separated terms {@code NAME:VALUE}, all of which must hold. {@code op} is an
 * operation's command-line name ({@code send}, {@code bcast}, ...), {@code benchmark} the benchmark's method as
 * {@code Class.method} or its full name, and every other name a JMH parameter of ours ({@code backend}, {@code np},
 * {@code size}, {@code buffer}, {@code idle}); sizes may be written {@code 1Ki}. A term without a colon is an
 * operation: {@code send} is {@code op:send}.
 *
 * @param terms what must hold, by name, in the order given
 */
public record BenchmarkSelector(Map<String, String> terms) {

    public BenchmarkSelector {
        terms = Map.copyOf(terms);
    }

    /** @throws IllegalArgumentException naming the bad term and what is allowed */
    public static BenchmarkSelector parse(String text) {
        Map<String, String> terms = new LinkedHashMap<>();
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty benchmark selector; expected terms such as op:send,backend:shm");
        }
        for (String term : text.split(",", -1)) {
            String t = term.strip();
            int colon = t.indexOf(':');
            String name = colon < 0 ? "op" : t.substring(0, colon).strip();
            String value = colon < 0 ? t : t.substring(colon + 1).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("selector '" + text + "': term '" + term + "' has no value");
            }
            terms.put(name, normalised(text, name, value));
        }
        return new BenchmarkSelector(terms);
    }

    private static String normalised(String text, String name, String value) {
        if (name.equals("op")) {
            return Operation.byName(value).cliName();
        }
        if (name.equals("benchmark")) {
            return value;
        }
        Optional<Param> param = Param.byJmhName(name);
        if (param.isEmpty()) {
            List<String> names = new ArrayList<>(List.of("op", "benchmark"));
            for (Param p : Param.values()) {
                names.add(p.jmhName());
            }
            throw new IllegalArgumentException(
                    "selector '" + text + "': unknown name '" + name + "'; known: " + String.join(", ", names));
        }
        return param.get() == Param.SIZE ? Integer.toString(Sizes.parse(value)) : value;
    }

    /** Whether every term holds for {@code key}. */
    public boolean matches(BenchmarkKey key) {
        for (Map.Entry<String, String> term : terms.entrySet()) {
            String value = term.getValue();
            boolean holds = switch (term.getKey()) {
                case "op" ->
                    Operation.ofBenchmark(key.benchmark())
                            .map(op -> op.cliName().equals(value))
                            .orElse(false);
                case "benchmark" ->
                    key.benchmark().equals(value) || key.benchmark().endsWith("." + value);
                default -> value.equals(paramOrNeutral(key, term.getKey()));
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** A key leaves out neutral values ({@code idle=default}); a selector naming one still matches. */
    private static String paramOrNeutral(BenchmarkKey key, String name) {
        String value = key.params().get(name);
        return value != null
                ? value
                : Param.byJmhName(name).flatMap(Param::neutralValue).orElse(null);
    }

    /** How specific it is: more terms win over fewer when several selectors match. */
    public int specificity() {
        return terms.size();
    }

    @Override
    public String toString() {
        return terms.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
    }
}

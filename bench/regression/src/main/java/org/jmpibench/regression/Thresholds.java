package org.jmpibench.regression;

import java.util.ArrayList;
import java.util.List;
import org.jmpibench.results.BenchmarkKey;

/**
 * The smallest change that counts, per benchmark: a default, and rules for the benchmarks a {@link BenchmarkSelector}
 * picks ({@code --threshold op:send,backend:shm=15%}). The most specific matching rule wins (more terms); among equally
 * specific ones, the one given last.
 *
 * @param defaultThreshold the fraction for every benchmark no rule picks ({@code 0.10} = 10%)
 * @param rules per-benchmark thresholds, in the order given
 */
public record Thresholds(double defaultThreshold, List<Rule> rules) {

    /** A threshold for the benchmarks {@code selector} picks; a null selector sets the default. */
    public record Rule(BenchmarkSelector selector, double threshold) {
        /** Checks the fraction. */
        public Rule {
            check(threshold);
        }

        @Override
        public String toString() {
            return (selector == null ? "" : selector + "=") + VerdictRule.percent(threshold);
        }
    }

    public Thresholds {
        check(defaultThreshold);
        rules = List.copyOf(rules);
    }

    public static Thresholds of(double defaultThreshold) {
        return new Thresholds(defaultThreshold, List.of());
    }

    /**
     * The thresholds of repeated {@code --threshold} options: a bare percentage (the last one given) sets the default,
     * else {@code fallback} is; {@code SELECTOR=PERCENT} adds a rule.
     */
    public static Thresholds from(List<Rule> given, double fallback) {
        Thresholds thresholds = of(fallback);
        for (Rule rule : given) {
            thresholds = rule.selector() == null ? thresholds.withDefault(rule.threshold()) : thresholds.with(rule);
        }
        return thresholds;
    }

    public Thresholds withDefault(double threshold) {
        return new Thresholds(threshold, rules);
    }

    public Thresholds with(Rule rule) {
        List<Rule> more = new ArrayList<>(rules);
        more.add(rule);
        return new Thresholds(defaultThreshold, more);
    }

    /** The threshold for {@code key}. */
    public double of(BenchmarkKey key) {
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.selector().matches(key)
                    && (best == null
                            || rule.selector().specificity() >= best.selector().specificity())) {
                best = rule;
            }
        }
        return best == null ? defaultThreshold : best.threshold();
    }

    private static void check(double threshold) {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite fraction >= 0: " + threshold);
        }
    }
}

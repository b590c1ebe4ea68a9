package org.jmpibench.regression;

import java.math.BigDecimal;
import picocli.CommandLine;

/**
 * Reads {@code --threshold}: a percentage, {@code 10%} or {@code 10}, into the fraction 0.10, optionally for the
 * benchmarks a selector picks: {@code op:send,backend:shm=15%} ({@link BenchmarkSelector}). A bare number is a
 * percentage too, because "--threshold 0.1" meaning 0.1% would be a surprise either way and percent is what the
 * option's help and the reports show.
 */
public final class ThresholdConverter implements CommandLine.ITypeConverter<Thresholds.Rule> {

    @Override
    public Thresholds.Rule convert(String value) {
        int equals = value.lastIndexOf('=');
        BenchmarkSelector selector = null;
        if (equals >= 0) {
            try {
                selector = BenchmarkSelector.parse(value.substring(0, equals));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
        return new Thresholds.Rule(selector, fraction(value, value.substring(equals + 1)));
    }

    private static double fraction(String value, String percentText) {
        String text = percentText.trim();
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        double percent;
        try {
            percent = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a percentage such as 10% "
                    + "(or SELECTOR=PERCENT such as op:send,backend:shm=15%)");
        }
        if (!(percent >= 0) || Double.isInfinite(percent)) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be a percentage >= 0");
        }
        // Through BigDecimal so that 10% is exactly the double 0.1, as if typed.
        return BigDecimal.valueOf(percent).movePointLeft(2).doubleValue();
    }
}

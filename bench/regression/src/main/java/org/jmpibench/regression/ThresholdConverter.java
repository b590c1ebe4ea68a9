package org.jmpibench.regression;

import picocli.CommandLine;

/**
 * Reads {@code --threshold}: a percentage, {@code 10%} or {@code 10}, into the fraction 0.10. A bare number
 * is a percentage too, because "--threshold 0.1" meaning 0.1% would be a surprise either way and percent is
 * what the option's help and the reports show.
 */
final class ThresholdConverter implements CommandLine.ITypeConverter<Double> {

    @Override
    public Double convert(String value) {
        String text = value.trim();
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        double percent;
        try {
            percent = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a percentage such as 10%");
        }
        if (!(percent >= 0) || Double.isInfinite(percent)) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be a percentage >= 0");
        }
        // Through BigDecimal so that 10% is exactly the double 0.1, as if typed.
        return java.math.BigDecimal.valueOf(percent).movePointLeft(2).doubleValue();
    }
}

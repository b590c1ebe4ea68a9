package org.jmpibench.report;

/**
 * Converts JMH score units to microseconds per operation, the one unit every chart and table uses.
 *
 * <p>Time-per-operation units ({@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op}, as written by the
 * {@code avgt}, {@code sample} and {@code ss} modes) are scaled. Throughput units ({@code ops/us} and friends, mode
 * {@code thrpt}) are inverted; the confidence interval's ends swap places when inverted.
 */
final class ScoreUnits {
  private ScoreUnits() {}

  /**
   * Converts a JMH metric to microseconds per operation.
   *
   * @throws IllegalArgumentException naming the unit when it is neither time per op nor ops per time
   */
  static Metric toMicrosPerOp(String unit, double score, double error, double lower, double upper) {
    String u = unit.trim();
    int slash = u.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("unsupported score unit '" + unit + "'");
    }
    String left = u.substring(0, slash);
    String right = u.substring(slash + 1);
    if (right.equals("op")) {
      double toUs = microsPer(left, unit);
      return new Metric(score * toUs, error * toUs, lower * toUs, upper * toUs);
    }
    if (left.equals("ops")) {
      // ops per time unit: time per op in that unit is the reciprocal.
      double toUs = microsPer(right, unit);
      double time = reciprocal(score) * toUs;
      double timeLower = reciprocal(upper) * toUs;
      double timeUpper = reciprocal(lower) * toUs;
      double timeError = Double.isFinite(timeLower) && Double.isFinite(timeUpper)
          ? (timeUpper - timeLower) / 2 : Double.NaN;
      return new Metric(time, timeError, timeLower, timeUpper);
    }
    throw new IllegalArgumentException("unsupported score unit '" + unit + "'");
  }

  private static double reciprocal(double value) {
    return value > 0 && Double.isFinite(value) ? 1.0 / value : Double.NaN;
  }

  private static double microsPer(String timeUnit, String wholeUnit) {
    switch (timeUnit) {
      case "ns":
        return 1e-3;
      case "us":
      case "\u00b5s":
        return 1.0;
      case "ms":
        return 1e3;
      case "s":
        return 1e6;
      case "min":
        return 60e6;
      default:
        throw new IllegalArgumentException("unsupported score unit '" + wholeUnit + "'");
    }
  }
}

package org.jmpibench.report;

import java.util.Locale;

/** Byte counts for people: 4 B, 64 KiB, 4 MiB (binary prefixes, as message sizes double). */
final class Bytes {
  private Bytes() {}

  static String humanReadable(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%d %s", (long) value, units[unit])
        : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}

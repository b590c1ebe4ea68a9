package org.jmpibench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names the operation a JMH benchmark measures, from the benchmark's class simple name (the harness's convention:
 * {@code PingPong} is "send", {@code Bcast} "bcast", {@code GatherAverage} "gather-average"). Benchmarks of
 * other classes are named by their method, so results of unknown benchmarks still get charts of their own.
 */
final class Operations {
  static final String SEND = "send";

  private static final Map<String, String> BY_CLASS_SIMPLE_NAME =
      Map.of("PingPong", SEND, "Bcast", "bcast", "GatherAverage", "gather-average");

  /** The page's order: point-to-point first, then the collectives; other operations after these. */
  private static final List<String> PAGE_ORDER = List.of(SEND, "bcast", "gather-average");

  private Operations() {}

  /** The operation of a fully qualified benchmark method name such as {@code org.x.PingPong.pingPong}. */
  static String of(String benchmark) {
    int lastDot = benchmark.lastIndexOf('.');
    String method = lastDot < 0 ? benchmark : benchmark.substring(lastDot + 1);
    String owner = lastDot < 0 ? "" : benchmark.substring(0, lastDot);
    String simpleName = owner.substring(owner.lastIndexOf('.') + 1);
    String known = BY_CLASS_SIMPLE_NAME.get(simpleName);
    return known != null ? known : fileSafe(method);
  }

  /** Position of an operation on the page; unknown operations share the last place (then first come). */
  static int pageRank(String operation) {
    int index = PAGE_ORDER.indexOf(operation);
    return index < 0 ? PAGE_ORDER.size() : index;
  }

  /** Lower case letters, digits and '-' only: operation names end up in file names. */
  static String fileSafe(String name) {
    String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    return safe.isEmpty() ? "benchmark" : safe;
  }
}

package org.jmpibench.report;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything read from one results file and the context file beside it.
 *
 * @param label the run's name in legends and tables: the file's base name, made unique among the files plotted together
 * @param source the results file
 * @param measurements its results, in file order
 * @param jmhSettings how JMH ran (version, JVM, forks, iterations), from the first result; insertion ordered
 * @param context the {@code X.context.json} beside {@code X.json} flattened to dotted keys (insertion ordered), empty
 *     when there is none
 * @param contextProblem why the context file could not be shown, or {@code null}
 */
public record RunResults(
        String label,
        Path source,
        List<Measurement> measurements,
        Map<String, String> jmhSettings,
        Map<String, String> context,
        String contextProblem) {

    public RunResults {
        measurements = List.copyOf(measurements);
        jmhSettings = Collections.unmodifiableMap(new LinkedHashMap<>(jmhSettings));
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }
}

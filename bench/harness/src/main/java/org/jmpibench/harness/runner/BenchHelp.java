package org.jmpibench.harness.runner;

import java.util.ListResourceBundle;
import org.jmpibench.harness.job.BufferKind;
import org.jmpibench.harness.job.Watchdog;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Sizes;

/**
 * The defaults {@code bench --help} shows, taken from where they are defined ({@link Profile}, {@link Watchdog}) so the
 * help cannot drift from them: picocli reads {@code ${bundle:default.forks}} and the like from here. Keys have a dot,
 * which option names never have, so picocli does not take them for option descriptions.
 */
public final class BenchHelp extends ListResourceBundle {

    /** The bundle's name, for {@code @Command(resourceBundle = ...)}. */
    static final String NAME = "org.jmpibench.harness.runner.BenchHelp";

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {
                "default.ops",
                Profile.helpDefault(p ->
                        String.join(",", p.ops.stream().map(Operation::cliName).toList()))
            },
            {
                "default.sizes",
                Profile.helpDefault(p ->
                        String.join(",", p.sizes.stream().map(Sizes::format).toList()))
            },
            {
                "default.buffer",
                Profile.helpDefault(p -> String.join(
                        ",", p.buffers.stream().map(BufferKind::cliName).toList()))
            },
            {
                "default.np",
                String.join(
                        ",", Profile.DEFAULT_NPS.stream().map(String::valueOf).toList())
            },
            {"default.forks", Profile.helpDefault(p -> p.forks)},
            {"default.warmupIterations", Profile.helpDefault(p -> p.warmupIterations)},
            {"default.warmupTime", Profile.helpDefault(p -> p.warmupTime)},
            {"default.iterations", Profile.helpDefault(p -> p.measurementIterations)},
            {"default.time", Profile.helpDefault(p -> p.measurementTime)},
            {"default.watchdogSeconds", String.valueOf(Watchdog.DEFAULT_TIMEOUT_SECONDS)},
            {"default.resultFormat", BenchSettings.DEFAULT_RESULT_FORMAT},
        };
    }
}

package org.jmpibench.regression.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jmpibench.results.IoCause;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.ResultsFileException;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.RunFiles;

/**
 * Reads the runs of a history: every file named, and every {@code *.json} directly in a directory named (not its
 * subdirectories, not context files). A file named that is not a results file is bad input; one found in a directory
 * (an A/B run's {@code comparison.json}, say) is skipped with a note.
 */
final class HistoryLoader {

    /** The runs read, and what was skipped. */
    record Loaded(List<HistoryRun> runs, List<String> notes) {}

    private HistoryLoader() {}

    /** @throws ResultsFileException for a named file that is missing or not a results file */
    static Loaded load(List<Path> paths) throws IOException {
        List<HistoryRun> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> found;
                try (Stream<Path> files = Files.list(path)) {
                    found = files.filter(f -> f.getFileName().toString().endsWith(RunFiles.RESULTS_SUFFIX)
                                    && !f.getFileName().toString().endsWith(RunFiles.CONTEXT_SUFFIX)
                                    && Files.isRegularFile(f))
                            .sorted()
                            .toList();
                } catch (IOException e) {
                    throw new ResultsFileException(
                            "directory " + path + ": cannot be listed (" + IoCause.of(e) + ")", e);
                }
                for (Path file : found) {
                    try {
                        runs.add(read(file));
                    } catch (ResultsFileException e) {
                        notes.add("skipped " + e.getMessage());
                    }
                }
            } else {
                runs.add(read(path));
            }
        }
        return new Loaded(runs, notes);
    }

    private static HistoryRun read(Path file) throws IOException {
        ResultsFile results = ResultsFile.read(file);
        RunContext context;
        try {
            context = RunContext.besideResults(file).orElse(null);
        } catch (ResultsFileException unreadable) {
            context = null;
        }
        Instant started = null;
        if (context != null && context.flatten().get("started") != null) {
            try {
                started = ZonedDateTime.parse(context.flatten().get("started")).toInstant();
            } catch (DateTimeParseException notATime) {
                started = null;
            }
        }
        if (started == null) {
            started = Files.getLastModifiedTime(file).toInstant();
        }
        String machine = null;
        if (context != null) {
            Map<String, String> flat = context.flatten();
            machine = "host " + flat.get("host") + ", CPU " + flat.get("cpuModel") + ", JVM " + flat.get("jvm.version");
        }
        return new HistoryRun(
                file,
                context == null ? null : context.gitCommit(),
                context != null && context.gitDirty().orElse(false),
                started,
                machine,
                results.results());
    }
}

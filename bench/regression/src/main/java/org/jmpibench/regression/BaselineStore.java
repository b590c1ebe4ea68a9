package org.jmpibench.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jmpibench.results.IoCause;
import org.jmpibench.results.ResultsFile;
import org.jmpibench.results.ResultsFileException;
import org.jmpibench.results.RunFiles;

/**
 * Records a results file as the baseline, together with the context it was measured in.
 *
 * <p>The repository keeps one baseline: {@code results/baseline/baseline.json} (JMH's JSON, unchanged) and
 * {@code results/baseline/baseline.context.json} (the harness's description of the machine, JVM and settings). A
 * baseline without its context is refused: a number whose machine is unknown cannot be the reference for anything.
 * Nothing is merged or averaged: the baseline is one real run, byte for byte.
 */
public final class BaselineStore {

    private BaselineStore() {}

    /**
     * Copies {@code results} and its context file over {@code baseline} and its context file.
     *
     * @param results a JMH JSON results file with {@code NAME.context.json} beside it
     * @param baseline where the baseline lives, e.g. {@code results/baseline/baseline.json}
     * @return the two files written: the baseline and its context
     * @throws ResultsFileException if the results are not a usable JMH file, the context is missing, or a copy fails
     */
    public static List<Path> record(Path results, Path baseline) {
        Path context = checkRecordable(results);
        Path baselineContext = RunFiles.contextFileOf(baseline);
        copy(results, baseline);
        copy(context, baselineContext);
        return List.of(baseline, baselineContext);
    }

    /**
     * Checks that {@code results} could be recorded as a baseline, before anything is compared or copied.
     *
     * @return the results' context file
     * @throws ResultsFileException if the results are not a usable JMH file or have no context file beside them
     */
    public static Path checkRecordable(Path results) {
        ResultsFile.read(results, "results");
        Path context = RunFiles.contextFileOf(results);
        if (!Files.isRegularFile(context)) {
            throw new ResultsFileException("results file " + results + ": no context file " + context
                    + " beside it; a baseline must say which machine and JVM it was measured on");
        }
        return context;
    }

    /** Copies through a temporary file in the target's directory, so a reader never sees half a baseline. */
    private static void copy(Path from, Path to) {
        try {
            Path dir = to.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, to.getFileName().toString(), ".tmp");
            try {
                Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ResultsFileException(
                    "baseline file " + to + ": cannot be written from " + from + " (" + IoCause.of(e) + ")", e);
        }
    }
}

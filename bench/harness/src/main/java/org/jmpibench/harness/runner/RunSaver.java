package org.jmpibench.harness.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jmpibench.results.IoCause;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.RunFiles;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Saves a run as it goes: JMH's JSON of what finished, its copy in the format of {@code -rf} (CSV unless asked
 * otherwise), and the context, into the run's own files ({@link RunFiles}: a name no other run has, each file replaced
 * whole).
 *
 * <p>{@link #open} claims the names and saves the empty run at once, so an unusable results directory (a file,
 * read-only, full) is found before the first benchmark. A save that fails later names the file and the cause, leaves
 * that file as the last save wrote it, and the run goes on: the next save tries again.
 */
final class RunSaver {

    private final RunFiles files;
    private final RunContext.Builder context;
    private final PrintStream console;
    /** The copy of the results and JMH's format for it; both null for {@code -rf json}. */
    private final Path copy;

    private final ResultFormatType copyType;
    private final List<String> problems = new ArrayList<>();
    /** Benchmarks done as the results file on disk says; the context never claims more. */
    private int savedDone;

    private RunSaver(RunFiles files, RunContext.Builder context, PrintStream console, String format) {
        this.files = files;
        this.context = context;
        this.console = console;
        this.copy = copyOf(files, format);
        this.copyType = copy == null ? null : ResultFormatType.valueOf(format.toUpperCase(Locale.ROOT));
    }

    /** The copy in {@code format}, or null when the format is JSON (the results file already is). */
    private static Path copyOf(RunFiles files, String format) {
        return format.equals(BenchSettings.JSON_ONLY) ? null : files.copy(format);
    }

    /**
     * Claims the run's files in {@code dir} and writes the empty run.
     *
     * @param format the format of the copy beside the JSON ({@code -rf}): {@link BenchSettings#JSON_ONLY} for none
     * @throws UnusableResultsDirException naming the directory or file and the cause
     */
    static RunSaver open(
            Path dir,
            ZonedDateTime started,
            String host,
            RunFiles.Writer writer,
            RunContext.Builder context,
            int total,
            PrintStream console,
            String format) {
        RunFiles files;
        try {
            files = RunFiles.claim(dir, started, host, writer);
        } catch (IOException e) {
            throw new UnusableResultsDirException(dir + ": cannot create files there (" + IoCause.of(e) + ")");
        }
        context.progress(started, files.json().getFileName().toString(), false, 0, total);
        RunSaver saver = new RunSaver(files, context, console, format);
        List<Path> all = new ArrayList<>(List.of(files.json(), files.context(), files.log()));
        writeOrRefuse(dir, files, all, files.json(), render(List.of(), ResultFormatType.JSON));
        if (saver.copy != null) {
            all.add(saver.copy);
            writeOrRefuse(dir, files, all, saver.copy, render(List.of(), saver.copyType));
        }
        writeOrRefuse(dir, files, all, files.context(), context.build().toJson());
        return saver;
    }

    private static void writeOrRefuse(Path dir, RunFiles files, List<Path> all, Path file, byte[] content) {
        try {
            files.write(file, content);
        } catch (IOException e) {
            for (Path written : all) {
                written.toFile().delete();
            }
            throw new UnusableResultsDirException(
                    dir + ": cannot write " + file.getFileName() + " there (" + IoCause.of(e) + ")");
        }
    }

    RunFiles files() {
        return files;
    }

    /** The copy of the results in the format of {@code -rf}, or null for {@code -rf json}. */
    Path copy() {
        return copy;
    }

    /** Every save that failed, one line each, naming the file and the cause. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Saves {@code results} and the context, each file whole; a file that cannot be written keeps its previous content,
     * and the failure is printed and kept in {@link #problems()}.
     *
     * @param complete whether the run has ended
     * @param done benchmarks done so far
     */
    void save(Collection<RunResult> results, boolean complete, int done, int total) {
        boolean jsonSaved = tryWrite(files.json(), () -> render(results, ResultFormatType.JSON));
        if (copy != null) {
            tryWrite(copy, () -> render(results, copyType));
        }
        if (jsonSaved) {
            savedDone = done;
        }
        context.progress(
                ZonedDateTime.now(), files.json().getFileName().toString(), complete && jsonSaved, savedDone, total);
        tryWrite(files.context(), () -> context.build().toJson());
    }

    private boolean tryWrite(Path file, Supplier<byte[]> content) {
        try {
            files.write(file, content.get());
            return true;
        } catch (IOException e) {
            String problem = "could not save " + file + " (" + IoCause.of(e) + "); it keeps what was saved before";
            problems.add(problem);
            console.println("  " + problem);
            return false;
        }
    }

    /** The results as the results file holds them: JMH's JSON. */
    static String json(Collection<RunResult> results) {
        return new String(render(results, ResultFormatType.JSON), StandardCharsets.UTF_8);
    }

    private static byte[] render(Collection<RunResult> results, ResultFormatType type) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(type, out).writeOut(results);
        }
        return bytes.toByteArray();
    }

    /** The results directory cannot hold this run's files: bad input, found before anything ran. */
    static final class UnusableResultsDirException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnusableResultsDirException(String message) {
            super("--results-dir " + message);
        }
    }
}

package org.jmpibench.regression;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jmpibench.results.ResultsFileException;
import org.jmpibench.results.RunContext;
import org.jmpibench.results.RunFiles;

/**
 * Notes for a person on how the two runs' contexts differ: a comparison across machines or JVMs compares
 * machines, not code. Missing or unreadable context files are noted too; a note never changes a verdict.
 */
final class ContextNotes {

    private static final int MAX_NOTES = 10;

    private ContextNotes() {
    }

    /**
     * The notes as a Markdown section for the end of a written report ({@code compare --markdown}), so a CI
     * comment warns as the console does; empty when there are none.
     */
    static String markdown(List<String> notes) {
        if (notes.isEmpty()) {
            return "";
        }
        StringBuilder section = new StringBuilder("\n**Context differs: this may compare machines, not code.**\n\n");
        notes.forEach(note -> section.append("- note: ").append(note.replace("|", "\\|")).append('\n'));
        return section.toString();
    }

    /** Empty when neither run has a context file, or when their machines and software agree. */
    static List<String> between(Path baselineResults, Path currentResults) {
        Path baseFile = RunFiles.contextFileOf(baselineResults);
        Path currFile = RunFiles.contextFileOf(currentResults);
        boolean hasBase = Files.isRegularFile(baseFile);
        boolean hasCurr = Files.isRegularFile(currFile);
        List<String> notes = new ArrayList<>();
        if (!hasBase && !hasCurr) {
            return notes;
        }
        if (!hasBase || !hasCurr) {
            notes.add("no context file " + (hasBase ? currFile : baseFile)
                    + ": cannot tell whether both runs used the same machine and JVM");
            return notes;
        }
        Map<String, List<String>> differences;
        try {
            differences = RunContext.read(baseFile).environmentDifferences(RunContext.read(currFile));
        } catch (ResultsFileException e) {
            notes.add("cannot compare the runs' contexts: " + e.getMessage());
            return notes;
        }
        for (Map.Entry<String, List<String>> e : differences.entrySet()) {
            if (notes.size() == MAX_NOTES) {
                notes.add("... more context differences in " + baseFile + " and " + currFile);
                break;
            }
            notes.add("runs differ in context " + e.getKey() + ": baseline '" + e.getValue().get(0) + "', current '"
                    + e.getValue().get(1) + "'");
        }
        return notes;
    }
}

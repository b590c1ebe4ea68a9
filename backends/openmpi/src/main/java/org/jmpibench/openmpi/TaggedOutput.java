package org.jmpibench.openmpi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jmpibench.spi.JobSpec.RankLine;

/**
 * Turns one stream of {@code mpirun --tag-output} back into the ranks' lines.
 *
 * <p>mpirun tags each <em>chunk</em> it reads from a rank, not each line: a rank that writes a line in pieces
 * ({@code printf}) or a line longer than a pipe read yields {@code [1,0]<stdout>:spi [1,0]<stdout>: 6.3}, and another
 * rank's chunk may land in between. So a raw line is split at its tags; every piece but the last is an unfinished line
 * of its rank and waits for the rest. Untagged lines are mpirun's own (rank -1). One instance per mpirun stream, fed
 * from one thread.
 */
final class TaggedOutput {

    private static final Pattern TAG = Pattern.compile("\\[\\d+,(\\d+)\\]<(stdout|stderr|stddiag)>:");

    private final boolean onStderr;
    /** Unfinished lines by rank, oldest first. */
    private final Map<Integer, StringBuilder> pending = new LinkedHashMap<>();

    /** @param onStderr whether this is mpirun's stderr (what untagged lines are marked with) */
    TaggedOutput(boolean onStderr) {
        this.onStderr = onStderr;
    }

    /** The lines that {@code raw}, one line mpirun printed, completes. */
    List<RankLine> accept(String raw) {
        List<RankLine> complete = new ArrayList<>();
        Matcher tag = TAG.matcher(raw);
        if (!tag.find()) {
            complete.add(new RankLine(-1, onStderr, raw));
            return complete;
        }
        if (tag.start() > 0) {
            complete.add(new RankLine(-1, onStderr, raw.substring(0, tag.start())));
        }
        while (true) {
            int rank = Integer.parseInt(tag.group(1));
            boolean stderr = !"stdout".equals(tag.group(2));
            int textStart = tag.end();
            boolean last = !tag.find();
            if (last) {
                StringBuilder before = pending.remove(rank);
                String text = raw.substring(textStart);
                complete.add(new RankLine(
                        rank,
                        stderr,
                        before == null ? text : before.append(text).toString()));
                return complete;
            }
            pending.computeIfAbsent(rank, r -> new StringBuilder()).append(raw, textStart, tag.start());
        }
    }

    /** Unfinished lines when the stream has ended (a rank died mid-line). */
    List<RankLine> finish() {
        List<RankLine> rest = new ArrayList<>();
        pending.forEach((rank, text) -> rest.add(new RankLine(rank, onStderr, text.toString())));
        pending.clear();
        return rest;
    }
}

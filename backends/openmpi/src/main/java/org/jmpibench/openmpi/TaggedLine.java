package org.jmpibench.openmpi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jmpibench.spi.JobSpec.RankLine;

/**
 * Reads one line of {@code mpirun --tag-output}: {@code [1,3]<stderr>:text} is rank 3's stderr line "text".
 * Lines without a tag are mpirun's own (its error reports); they get rank -1.
 */
final class TaggedLine {

    private static final Pattern TAG = Pattern.compile("^\\[\\d+,(\\d+)\\]<(stdout|stderr|stddiag)>:(.*)$");

    private TaggedLine() {
    }

    /** @param onStderr whether mpirun printed the line on its stderr (used for untagged lines) */
    static RankLine parse(String line, boolean onStderr) {
        Matcher matcher = TAG.matcher(line);
        if (matcher.matches()) {
            return new RankLine(Integer.parseInt(matcher.group(1)), !"stdout".equals(matcher.group(2)),
                    matcher.group(3));
        }
        return new RankLine(-1, onStderr, line);
    }
}

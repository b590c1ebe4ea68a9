package org.jmpibench.mpjexpress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jmpibench.spi.RankProgram;

/**
 * The application part of a rank's arguments, as our launchers write them and {@link MpjRankMain} reads them:
 * {@code --main <class> <n> <n args> [--leader <class> <m> <m args>]}. The leader, when given, is what rank 0 runs (the
 * JMH harness's forked JVM); every other rank runs the main program. Counts rather than separators, so that any
 * argument (even "--leader") passes through unchanged. No MPJ class here: the launcher JVM uses it.
 */
record RankArgs(String mainClass, List<String> args, String leaderClass, List<String> leaderArgs) {

    private static final String MAIN = "--main";
    private static final String LEADER = "--leader";

    static List<String> encode(RankProgram program, RankProgram leaderOrNull) {
        List<String> out = new ArrayList<>();
        append(out, MAIN, program);
        if (leaderOrNull != null) {
            append(out, LEADER, leaderOrNull);
        }
        return out;
    }

    static RankArgs decode(String[] encoded) {
        List<String> all = Arrays.asList(encoded);
        if (all.size() < 3 || !all.get(0).equals(MAIN)) {
            throw new IllegalArgumentException("expected '" + MAIN + " <class> <count> args...', got " + all);
        }
        int n = count(all, 2);
        List<String> args = List.copyOf(all.subList(3, 3 + n));
        int next = 3 + n;
        if (next == all.size()) {
            return new RankArgs(all.get(1), args, null, List.of());
        }
        if (all.size() < next + 3 || !all.get(next).equals(LEADER)) {
            throw new IllegalArgumentException("expected '" + LEADER + " <class> <count> args...' after the main "
                    + "program, got " + all.subList(next, all.size()));
        }
        int m = count(all, next + 2);
        if (next + 3 + m != all.size()) {
            throw new IllegalArgumentException("trailing arguments after the leader program: " + all);
        }
        return new RankArgs(all.get(1), args, all.get(next + 1), List.copyOf(all.subList(next + 3, next + 3 + m)));
    }

    /** The class rank {@code rank} runs. */
    String classFor(int rank) {
        return rank == 0 && leaderClass != null ? leaderClass : mainClass;
    }

    /** The arguments rank {@code rank} runs it with. */
    String[] argsFor(int rank) {
        return (rank == 0 && leaderClass != null ? leaderArgs : args).toArray(String[]::new);
    }

    private static void append(List<String> out, String flag, RankProgram program) {
        out.add(flag);
        out.add(program.mainClass());
        out.add(Integer.toString(program.args().size()));
        out.addAll(program.args());
    }

    private static int count(List<String> all, int index) {
        try {
            int n = Integer.parseInt(all.get(index));
            if (n < 0 || index + 1 + n > all.size()) {
                throw new IllegalArgumentException("argument count " + n + " at position " + index
                        + " does not match the " + all.size() + " arguments given");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "argument count expected at position " + index + ", got '" + all.get(index) + "'", e);
        }
    }
}

package org.jmpibench.regression.ab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code bench} options every fork of an A/B run gets: the CI matrix below, where the user's options after
 * {@code --} replace the ones of the same name; then {@code -f 1} and the fork's own results directory, which
 * {@code ab} owns. Every {@code bench} option takes one value ({@code --sizes 1,1Ki} or {@code --sizes=1,1Ki}).
 *
 * <p>The CI matrix: send on loopback and shm, 1 int and 64 Ki ints, 2 ranks: 4 benchmarks, the latency path and the
 * copy path of both backends of ours, each about 2-3 s a fork on a quiet 2-core machine. Five short iterations a fork:
 * their median is the fork's score; the fork, not the iteration, is the sample.
 */
final class BenchArgs {

    /** The CI matrix and iteration settings; an option of the same name after {@code --} replaces one. */
    static final List<String> CI_MATRIX = List.of(
            "--backends",
            "loopback,shm",
            "--ops",
            "send",
            "--sizes",
            "1,64Ki",
            "--np",
            "2",
            "-wi",
            "2",
            "-w",
            "200ms",
            "-i",
            "5",
            "-r",
            "100ms");

    /** Options {@code ab} sets itself, per fork. */
    private static final Set<String> OWNED = Set.of("-f", "--forks", "--results-dir");
    /** The names of each bench option, so {@code -i} replaces {@code --iterations} and the other way round. */
    private static final Map<String, String> ALIASES = Map.of(
            "--forks", "-f", "--warmup-iterations", "-wi", "--warmup-time", "-w", "--iterations", "-i", "--time", "-r");

    private BenchArgs() {}

    /**
     * The options for one fork: the CI matrix with the user's options in place of those they name.
     *
     * @throws AbInputException for an option {@code ab} owns or one without a value
     */
    static List<String> forFork(List<String> user, String resultsDir) {
        Map<String, String> options = new LinkedHashMap<>();
        put(options, CI_MATRIX, false);
        put(options, user, true);
        List<String> args = new ArrayList<>();
        options.forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        args.addAll(List.of("-f", "1", "--results-dir", resultsDir));
        return args;
    }

    /** Checks the user's options up front: bad ones are bad input before anything is built. */
    static void check(List<String> user) {
        put(new LinkedHashMap<>(), user, true);
    }

    private static void put(Map<String, String> options, List<String> args, boolean fromUser) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-")) {
                throw new AbInputException("bench option expected after --, not '" + arg + "'");
            }
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new AbInputException("bench option " + arg + " after -- has no value");
            }
            String canonical = ALIASES.getOrDefault(name, name);
            if (fromUser && OWNED.contains(name)) {
                throw new AbInputException("bench option " + name + " is ab's own: every fork is one 'bench -f 1' "
                        + "with its own results directory; choose the number of forks with --blocks");
            }
            options.remove(canonical);
            options.put(canonical, value);
        }
    }
}

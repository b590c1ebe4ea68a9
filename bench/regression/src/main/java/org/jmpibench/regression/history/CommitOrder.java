package org.jmpibench.regression.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jmpibench.results.Git;

/**
 * Puts the runs of a history in commit order: by the position of each run's commit in {@code git rev-list --topo-order}
 * of the repository (ancestors first), runs of one commit by start time. Where that cannot be done for every run (no
 * repository, a run without a commit, a commit the repository does not have) all runs are in start-time order, and
 * {@link Ordered#how} says why.
 */
final class CommitOrder {

    private static final long GIT_SECONDS = 60;

    /** The runs in order, and one sentence on how they were ordered. */
    record Ordered(List<HistoryRun> runs, String how) {}

    private CommitOrder() {}

    /** @param repo the repository, or null when there is none at hand */
    static Ordered of(List<HistoryRun> runs, Path repo) throws InterruptedException {
        Comparator<HistoryRun> byTime = Comparator.comparing(HistoryRun::started);
        List<HistoryRun> sorted = new ArrayList<>(runs);
        String missing = runs.stream()
                .filter(r -> r.commit() == null)
                .map(r -> r.file().toString())
                .findFirst()
                .orElse(null);
        if (repo == null || missing != null) {
            sorted.sort(byTime);
            return new Ordered(
                    sorted,
                    "in run-time order ("
                            + (repo == null ? "no git repository at hand" : "no commit recorded for " + missing) + ")");
        }
        Set<String> commits = new LinkedHashSet<>();
        runs.forEach(r -> commits.add(r.commit()));
        List<String> args = new ArrayList<>(List.of("rev-list", "--topo-order", "--reverse"));
        args.addAll(commits);
        Git.Output log;
        try {
            log = Git.run(repo, GIT_SECONDS, args.toArray(String[]::new));
        } catch (IOException e) {
            sorted.sort(byTime);
            return new Ordered(sorted, "in run-time order (git could not be asked: " + e.getMessage() + ")");
        }
        if (!log.ok()) {
            sorted.sort(byTime);
            return new Ordered(sorted, "in run-time order (a run's commit is not in " + repo + ")");
        }
        Map<String, Integer> position = new HashMap<>();
        List<String> order = log.out().lines().map(String::strip).toList();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        sorted.sort(Comparator.comparing((HistoryRun r) -> position.getOrDefault(r.commit(), Integer.MAX_VALUE))
                .thenComparing(byTime));
        return new Ordered(sorted, "in commit order (git rev-list --topo-order of " + repo + ")");
    }
}

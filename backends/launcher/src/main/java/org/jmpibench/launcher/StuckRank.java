package org.jmpibench.launcher;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.jmpibench.spi.progress.RankSnapshot;

/**
 * The rank a failed job is blamed on: the end of the chain of ranks waiting for one another, with the rank that waited
 * for it directly (and for how long, as far as the launcher saw).
 *
 * @param stuck the stuck rank's board slot
 * @param end how it ended
 * @param waiter a rank that waited for it directly: the one that noticed the failure if it did, else the one that
 *     waited longest
 * @param waitedNs how long {@code waiter} had been inside that call when the job failed, -1 when unknown
 * @param others the other ranks that waited for it directly
 */
public record StuckRank(RankSnapshot stuck, RankEnd end, int waiter, long waitedNs, List<Integer> others) {

    /**
     * "rank 1 stopped making progress in 'round 2'; rank 0 waited for it 3.0 s", or for a rank that ended by itself
     * "rank 1 was killed by signal 9 (SIGKILL) (exit status 137) in 'round 2': <its telling line>; ..."; "rank 1 on
     * host h2 ..." when the job spans hosts.
     *
     * @param tellingLine a rank's most telling stderr line as ": text", or empty
     * @param hosts where the ranks run
     */
    public String describe(IntFunction<String> tellingLine, RankHosts hosts) {
        int rank = stuck.rank();
        StringBuilder line =
                new StringBuilder("rank ").append(rank).append(hosts.on(rank)).append(' ');
        if (end.byItself()) {
            line.append(ExitStatus.describe(end.status()));
        } else if (!stuck.joined()) {
            line.append("stopped making progress before it joined the job");
        } else {
            line.append("stopped making progress");
        }
        if (!stuck.step().isEmpty()) {
            line.append(" in '").append(stuck.step()).append('\'');
        }
        if (stuck.inCall()) {
            line.append(" (inside ").append(stuck.call().describe(stuck.peer())).append(')');
        }
        if (end.byItself()) {
            line.append(tellingLine.apply(rank));
        }
        line.append("; rank ").append(waiter).append(" waited for it");
        if (waitedNs >= 0) {
            line.append(String.format(Locale.ROOT, " %.1f s", waitedNs / 1e9));
        }
        if (!others.isEmpty()) {
            line.append(", as did rank")
                    .append(others.size() > 1 ? "s " : " ")
                    .append(String.join(
                            ", ", others.stream().map(String::valueOf).toList()));
        }
        return line.toString();
    }
}

package org.jmpibench.openmpi;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jmpibench.launcher.ExitStatus;
import org.jmpibench.launcher.RankHosts;
import org.jmpibench.spi.JobSpec.RankLine;

/**
 * Turns how {@code mpirun} ended into an account of the failure naming the rank mpirun blamed (the first one it saw
 * fail). mpirun names the culprit in its own (untagged) report; the forms Open MPI 4.x prints are:
 *
 * <pre>
 *   Process name: [[16626,1],1]            followed by   Exit code:    3
 *   mpirun noticed that process rank 1 with PID 0 on node vm exited on signal 9 (Killed).
 *   MPI_ABORT was invoked on rank 1 in communicator MPI_COMM_WORLD with errorcode 5.
 *   mpirun has exited due to process rank 1 with PID 0 on node vm exiting improperly.
 *   The user-provided time limit for job execution has been reached
 * </pre>
 *
 * Across hosts, a host whose processes all died shows as a lost daemon, or, when its launch agent (ssh) noticed first,
 * as daemons that failed, with the agent's own line naming the host:
 *
 * <pre>
 *   Remote daemon: [[30044,0],1] on node h2
 *   ORTE was unable to reliably start one or more daemons.     with    Connection to h2 closed by remote host.
 * </pre>
 *
 * Given the placement of the ranks, a failure names the host of the rank, and a lost host the ranks it held.
 */
final class MpirunReport {

    private static final Pattern PROCESS_NAME = Pattern.compile("Process name: \\[\\[\\d+,\\d+\\],(\\d+)\\]");
    private static final Pattern EXIT_CODE = Pattern.compile("Exit code:\\s+(-?\\d+)");
    private static final Pattern SIGNAL =
            Pattern.compile("process rank (\\d+) with PID \\d+ on node \\S+ exited on signal (\\d+)");
    private static final Pattern LOST_DAEMON =
            Pattern.compile("Remote daemon: \\[\\[\\d+,\\d+\\],\\d+\\] on node (\\S+)");
    /** What ssh (and scripts/netns-agent.sh) prints when the other side went away. */
    private static final Pattern AGENT_LOST = Pattern.compile("Connection to (\\S+) closed by remote host");

    private static final Pattern ABORT = Pattern.compile("MPI_ABORT was invoked on rank (\\d+)");
    private static final Pattern ABORT_CODE = Pattern.compile("with errorcode (-?\\d+)");
    private static final Pattern IMPROPER =
            Pattern.compile("due to process rank (\\d+) with PID .* exiting improperly");
    private static final String TIME_LIMIT = "time limit for job execution has been reached";

    /**
     * @param failedRank the rank mpirun blamed, or -1
     * @param exitCode its exit status (128 + signal when killed), or the job's status when no rank is known
     * @param account what went wrong, naming the rank when mpirun did; empty when the job succeeded
     * @param timedOut mpirun's own time limit fired
     */
    record Verdict(int failedRank, int exitCode, String account, boolean timedOut) {

        /** One line naming backend and rank; empty when the job succeeded. */
        String failure(String backend) {
            return account.isEmpty() ? "" : "backend " + backend + ": " + account;
        }
    }

    private MpirunReport() {}

    /** What {@code mpirun}'s exit status and output say about a job on one host. */
    static Verdict read(int mpirunStatus, List<RankLine> lines) {
        return read(mpirunStatus, lines, RankHosts.none());
    }

    /**
     * What {@code mpirun}'s exit status and output say about the job.
     *
     * @param hosts the host of each rank; none when on one host or when mpirun decided the placement
     */
    static Verdict read(int mpirunStatus, List<RankLine> lines, RankHosts hosts) {
        List<String> report =
                lines.stream().filter(l -> l.rank() < 0).map(RankLine::text).toList();
        if (report.stream().anyMatch(l -> l.contains(TIME_LIMIT))) {
            return new Verdict(-1, mpirunStatus, "job timed out (mpirun's time limit)", true);
        }
        for (int i = 0; i < report.size(); i++) {
            String line = report.get(i);
            Matcher signal = SIGNAL.matcher(line);
            if (signal.find()) {
                int rank = Integer.parseInt(signal.group(1));
                int number = Integer.parseInt(signal.group(2));
                return blame(
                        rank,
                        128 + number,
                        "was killed by signal " + number + ExitStatus.signalName(number),
                        lines,
                        hosts);
            }
            Matcher name = PROCESS_NAME.matcher(line);
            if (name.find()) {
                int rank = Integer.parseInt(name.group(1));
                int code =
                        following(report, i, EXIT_CODE).map(Integer::parseInt).orElse(mpirunStatus);
                return blame(rank, code, "exited with status " + code, lines, hosts);
            }
            Matcher abort = ABORT.matcher(line);
            if (abort.find()) {
                int rank = Integer.parseInt(abort.group(1));
                int code =
                        following(report, i, ABORT_CODE).map(Integer::parseInt).orElse(mpirunStatus);
                return blame(rank, code, "called MPI_Abort with error code " + code, lines, hosts);
            }
            Matcher improper = IMPROPER.matcher(line);
            if (improper.find()) {
                int rank = Integer.parseInt(improper.group(1));
                return blame(rank, mpirunStatus, "exited without MPI_Finalize", lines, hosts);
            }
        }
        for (String line : report) {
            Matcher lost = LOST_DAEMON.matcher(line);
            Matcher agent = AGENT_LOST.matcher(line);
            String host = lost.find() ? lost.group(1) : agent.find() ? agent.group(1) : null;
            if (host != null) {
                return lostHost(host, mpirunStatus, line.strip(), hosts);
            }
        }
        if (mpirunStatus == 0) {
            return new Verdict(-1, 0, "", false);
        }
        String said = report.stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.chars().allMatch(c -> c == '-'))
                .findFirst()
                .map(l -> ": " + l)
                .orElse("");
        return new Verdict(-1, mpirunStatus, "mpirun exited with status " + mpirunStatus + said, false);
    }

    private static Verdict blame(int rank, int code, String how, List<RankLine> lines, RankHosts hosts) {
        return new Verdict(rank, code, "rank " + rank + hosts.on(rank) + " " + how + tellingLineOf(rank, lines), false);
    }

    /** A host whose daemon (and so every rank on it) is gone: blames its first rank, names them all. */
    private static Verdict lostHost(String host, int status, String said, RankHosts hosts) {
        List<Integer> ranks = hosts.ranksOn(host);
        String held = ranks.isEmpty()
                ? ""
                : " with rank" + (ranks.size() > 1 ? "s " : " ")
                        + ranks.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return new Verdict(
                ranks.isEmpty() ? -1 : ranks.get(0), status, "lost host " + host + held + ": " + said, false);
    }

    /** The rank's most telling stderr line: its first exception or error, else its last line. */
    static String tellingLineOf(int rank, List<RankLine> lines) {
        String first = null;
        String last = null;
        for (RankLine line : lines) {
            if (line.rank() != rank || !line.stderr()) {
                continue;
            }
            String text = line.text().strip();
            if (text.isEmpty() || text.startsWith("at ")) {
                continue;
            }
            last = text;
            if (first == null && (text.contains("Exception") || text.contains("Error"))) {
                first = text;
            }
        }
        String telling = first != null ? first : last;
        return telling == null ? "" : ": " + telling;
    }

    /** The first match of {@code pattern} in the few lines from {@code from} on (mpirun's report block). */
    private static Optional<String> following(List<String> report, int from, Pattern pattern) {
        for (int i = from; i < Math.min(report.size(), from + 4); i++) {
            Matcher matcher = pattern.matcher(report.get(i));
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}

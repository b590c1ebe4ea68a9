package org.jmpibench.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.jmpibench.spi.progress.ProgressBoard;
import org.jmpibench.spi.progress.ProgressBoardDescriptor;
import org.jmpibench.spi.progress.RankSnapshot;

/**
 * The launcher's side of a job's progress board: creates the board file before the ranks start (its path goes to every
 * rank in {@value ProgressBoardDescriptor#PATH_ENV}), notes every {@value #SAMPLE_MILLIS} ms which ranks started a new
 * communicator call (so it can say how long a rank had waited), and when the job fails turns a {@link Snapshot} of the
 * board into the failure line that names the stuck rank ({@link WaitForGraph}).
 *
 * <p>The file is {@code jmpi-progress-<job id>} in {@code /dev/shm} (else the temporary directory), readable by this
 * user only, deleted at {@link #close()}; a later job deletes those of launchers that died first ({@link JobIds}).
 */
public final class ProgressWatch implements AutoCloseable {

    static final String PREFIX = "jmpi-progress-";
    static final long SAMPLE_MILLIS = 100;
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    private final Path file;
    private final ProgressBoard board;
    private final String unavailable;
    private final RankHosts hosts;
    private final Thread sampler;
    /** Guarded by {@code this}: per rank, the call word last seen and when it was first seen. */
    private final long[] lastWord;

    private final long[] sinceNs;
    /** Ranks that said they could not map the board: their slots tell nothing. */
    private final Set<Integer> withoutBoard = ConcurrentHashMap.newKeySet();

    private volatile boolean closed;

    private ProgressWatch(Path file, ProgressBoard board, String unavailable, int np, RankHosts hosts) {
        this.file = file;
        this.board = board;
        this.unavailable = unavailable;
        this.hosts = hosts;
        this.lastWord = new long[np];
        this.sinceNs = new long[np];
        Arrays.fill(sinceNs, System.nanoTime());
        if (board == null) {
            sampler = null;
            return;
        }
        sampler = new Thread(this::sampleUntilClosed, "jmpi-progress-" + file.getFileName());
        sampler.setDaemon(true);
        sampler.start();
    }

    /**
     * Creates the board of job {@code jobId}; a board that cannot be created leaves failures unexplained.
     *
     * @param hosts where the ranks run, for the failure line to name the stuck rank's host
     */
    public static ProgressWatch open(String jobId, int np, RankHosts hosts) {
        Path directory = Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
                ? SHARED_MEMORY
                : Path.of(System.getProperty("java.io.tmpdir"));
        JobIds.removeStale(directory, PREFIX);
        Path file = directory.resolve(PREFIX + jobId);
        try {
            return new ProgressWatch(file, ProgressBoard.create(file, np), "", np, hosts);
        } catch (IOException | RuntimeException e) {
            return new ProgressWatch(file, null, "no progress board (" + e + ")", np, hosts);
        }
    }

    /** What every rank needs to find the board. */
    public Map<String, String> env() {
        return board == null ? Map.of() : Map.of(ProgressBoardDescriptor.PATH_ENV, file.toString());
    }

    Path file() {
        return file;
    }

    /**
     * A line rank {@code rank} wrote on its stderr: one saying it could not map the board (a rank on another host that
     * does not see the launcher's file) marks its slot as telling nothing.
     */
    public void rankSaid(int rank, String line) {
        if (line.contains(ProgressBoardDescriptor.UNUSED_NOTICE)) {
            withoutBoard.add(rank);
        }
    }

    /** The board now, with how long each rank had been inside its current call: take it when the job fails. */
    public Snapshot snapshot() {
        if (board == null) {
            return new Snapshot(List.of(), new long[0], Set.of(), unavailable, hosts);
        }
        long now = sample();
        List<RankSnapshot> slots = new ArrayList<>();
        long[] waitedNs = new long[lastWord.length];
        synchronized (this) {
            for (int rank = 0; rank < lastWord.length; rank++) {
                RankSnapshot slot = board.read(rank);
                slots.add(slot);
                waitedNs[rank] = slot.callWord() == lastWord[rank] ? now - sinceNs[rank] : 0;
            }
        }
        return new Snapshot(slots, waitedNs, Set.copyOf(withoutBoard), "", hosts);
    }

    /** Stops watching and deletes the file (the ranks' and our mappings stay valid until they end). */
    @Override
    public void close() {
        closed = true;
        if (sampler != null) {
            sampler.interrupt();
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A few hundred bytes left in /dev/shm; the next job removes them once we are gone.
        }
    }

    private void sampleUntilClosed() {
        while (!closed) {
            sample();
            try {
                TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized long sample() {
        long now = System.nanoTime();
        for (int rank = 0; rank < lastWord.length; rank++) {
            long word = board.callWord(rank);
            if (word != lastWord[rank]) {
                lastWord[rank] = word;
                sinceNs[rank] = now;
            }
        }
        return now;
    }

    /** The board at the moment a job failed. */
    public static final class Snapshot {

        private final List<RankSnapshot> slots;
        private final long[] waitedNs;
        private final Set<Integer> withoutBoard;
        private final String unavailable;
        private final RankHosts hosts;

        Snapshot(
                List<RankSnapshot> slots,
                long[] waitedNs,
                Set<Integer> withoutBoard,
                String unavailable,
                RankHosts hosts) {
            this.slots = slots;
            this.waitedNs = waitedNs;
            this.withoutBoard = withoutBoard;
            this.unavailable = unavailable;
            this.hosts = hosts;
        }

        /**
         * The rank to blame, if the board names one other than the rank that noticed.
         *
         * @param ends how each rank ended
         * @param noticer the rank whose failure ended the job, -1 for none (a time-out, a whole-JVM death)
         */
        public Optional<StuckRank> stuckRank(List<RankEnd> ends, int noticer) {
            if (slots.isEmpty()) {
                return Optional.empty();
            }
            return new WaitForGraph(slots, ends, withoutBoard).blame(noticer, waitedNs);
        }

        /**
         * The failure line without its "backend NAME: " prefix: the stuck rank first, then what the launcher noticed in
         * parentheses; {@code noticed} alone when the board names nobody else.
         *
         * @param noticed the launcher's own account, e.g. "rank 0 exited with status 3: ..."
         * @param tellingLine a rank's most telling stderr line as ": text", or empty
         */
        public String explain(String noticed, List<RankEnd> ends, int noticer, IntFunction<String> tellingLine) {
            String why = stuckRank(ends, noticer)
                    .map(stuck -> stuck.describe(tellingLine, hosts) + " (" + noticed + ")")
                    .orElse(noticed);
            return unavailable.isEmpty() ? why : why + " (" + unavailable + ")";
        }
    }
}

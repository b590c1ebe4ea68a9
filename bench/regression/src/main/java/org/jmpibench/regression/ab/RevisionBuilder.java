package org.jmpibench.regression.ab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jmpibench.results.GitState;
import org.jmpibench.results.IoCause;

/**
 * Builds the two sides of an A/B run, each with its own Maven build ({@code mvn -B -q -DskipTests package}): a commit
 * in a git worktree of its own under the cache, {@code CACHE/<commit>/src}, built once and reused by every later run
 * (marked done by {@code CACHE/<commit>/built}); the work tree in place, as it is. The jar a side runs is the one its
 * build wrote, {@code bench/target/jmpi-bench.jar} in its checkout, so each fork's context records that checkout's
 * commit and dirty flag.
 *
 * <p>Two runs building the same commit at once take turns (a lock file per commit). A build that fails is bad input
 * naming the revision and the log; nothing is marked done, so the next run tries again.
 */
final class RevisionBuilder {

    /** Where a checkout's build leaves the command line's jar. */
    static final Path JAR = Path.of("bench", "target", "jmpi-bench.jar");

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(60);
    private static final long LOCK_WAIT_MINUTES = 60;

    private final Path repo;
    private final Path cache;
    private final List<String> maven;
    private final PrintStream console;
    private final ChildProcess child;

    /** @param maven the build command's start: the Maven executable and any extra arguments ({@code -o}) */
    RevisionBuilder(Path repo, Path cache, List<String> maven, PrintStream console, ChildProcess child) {
        this.repo = repo;
        this.cache = cache;
        this.maven = List.copyOf(maven);
        this.console = console;
        this.child = child;
    }

    /** The default cache: {@code $XDG_CACHE_HOME/jmpi-bench/ab}, else {@code ~/.cache/jmpi-bench/ab}. */
    static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jmpi-bench").resolve("ab");
    }

    /**
     * The work tree as it is, built in place.
     *
     * @param requireClean refuse a work tree whose tracked files differ from its HEAD
     */
    Revision workTree(boolean requireClean) throws IOException, InterruptedException {
        GitState state = GitState.of(repo);
        if (state.commit() == null) {
            throw new AbInputException("the work tree " + repo + " has no commit yet (" + state.unknown() + ")");
        }
        boolean dirty = Boolean.TRUE.equals(state.dirty());
        if (requireClean && dirty) {
            throw new AbInputException("the work tree " + repo + " has uncommitted changes to tracked files and "
                    + "--require-clean asks for a clean one: commit or stash them, or name a commit with --head");
        }
        build(Revision.WORK_TREE, repo, repo.resolve("target").resolve("jmpi-ab-build.log"));
        return new Revision(Revision.WORK_TREE, state.commit(), dirty, repo, checkedJar(Revision.WORK_TREE, repo));
    }

    /**
     * A commit, built once in its own worktree under the cache.
     *
     * @param option the option that named it, for messages
     */
    Revision commit(String revision, String option) throws IOException, InterruptedException {
        Git git = new Git(repo);
        String commit = git.commitOf(revision, option);
        Path dir = cache.resolve(commit);
        Path src = dir.resolve("src");
        Path built = dir.resolve("built");
        Files.createDirectories(dir);
        try (FileChannel channel = FileChannel.open(
                        cache.resolve(commit + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lock(channel, commit)) {
            if (Files.exists(built) && Files.isRegularFile(src.resolve(JAR)) && isCheckoutOf(src, commit)) {
                console.println("ab: " + option + " " + revision + " = " + commit + ": built before, in " + src);
            } else {
                Files.deleteIfExists(built);
                if (Files.exists(src)) {
                    git.removeWorktree(src);
                    deleteTree(src);
                }
                git.addWorktree(src, commit);
                build(option + " " + revision + " (" + commit + ")", src, dir.resolve("build.log"));
                checkedJar(option + " " + revision + " (" + commit + ")", src);
                Files.writeString(built, commit + "\n");
            }
        }
        return new Revision(revision, commit, false, src, src.resolve(JAR));
    }

    /**
     * Whether {@code dir} is still a clean checkout of {@code commit} this repository knows: a cache copied from
     * elsewhere (another clone, a CI cache) holds worktrees whose repository is gone, and their forks could not say
     * which commit they ran.
     */
    private static boolean isCheckoutOf(Path dir, String commit) {
        GitState state = GitState.of(dir);
        return commit.equals(state.commit()) && Boolean.FALSE.equals(state.dirty());
    }

    private void build(String what, Path checkout, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(maven.subList(0, 1));
        command.addAll(List.of("-B", "-q", "-DskipTests"));
        command.addAll(maven.subList(1, maven.size()));
        command.add("package");
        console.println(
                "ab: building " + what + " in " + checkout + ": " + String.join(" ", command) + " (log: " + log + ")");
        Files.deleteIfExists(log);
        ChildProcess.Result result = child.run(command, checkout, Map.of(), log, BUILD_LIMIT);
        if (!result.ok()) {
            throw new AbInputException(what + " does not build: "
                    + (result.timedOut()
                            ? "no end after " + BUILD_LIMIT.toMinutes() + " min"
                            : command.get(0) + " exited " + result.status())
                    + " (" + lastWords(result.lastLines()) + "; log: " + log + ")");
        }
    }

    private static Path checkedJar(String what, Path checkout) {
        Path jar = checkout.resolve(JAR);
        if (!Files.isRegularFile(jar)) {
            throw new AbInputException(what + " built, but left no " + JAR + " (a revision from before the "
                    + "command line's jar existed?)");
        }
        return jar;
    }

    private FileLock lock(FileChannel channel, String commit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(LOCK_WAIT_MINUTES);
        boolean said = false;
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (!said) {
                console.println("ab: another run is building " + commit + "; waiting for it");
                said = true;
            }
            if (System.nanoTime() > deadline) {
                throw new AbInputException("another run has been building " + commit + " for over " + LOCK_WAIT_MINUTES
                        + " min (lock " + cache.resolve(commit + ".lock") + ")");
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    private static String lastWords(String lines) {
        return lines.isEmpty()
                ? "it printed nothing"
                : lines.length() > 300 ? "..." + lines.substring(lines.length() - 300) : lines;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new IOException("cannot remove the stale checkout " + dir + " (" + IoCause.of(e) + ")", e);
        }
    }
}

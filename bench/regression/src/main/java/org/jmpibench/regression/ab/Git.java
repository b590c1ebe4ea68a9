package org.jmpibench.regression.ab;

import java.io.IOException;
import java.nio.file.Path;
import org.jmpibench.results.IoCause;

/** The few questions {@code ab} asks git about a repository, in {@code ab}'s words when the answer is no. */
final class Git {

    private static final long GIT_SECONDS = 120;

    private final Path repo;

    Git(Path repo) {
        this.repo = repo;
    }

    /** What git printed and how it ended. */
    record Output(int status, String out, String err) {}

    /**
     * The top of the checkout holding {@code dir}.
     *
     * @throws AbInputException when {@code dir} is not in a git checkout
     */
    static Path topLevel(Path dir) {
        Output top = new Git(dir).run("rev-parse", "--show-toplevel");
        if (top.status() != 0) {
            throw new AbInputException(dir.toAbsolutePath() + " is not in a git checkout (git: "
                    + IoCause.oneLine(top.err()) + "); run ab inside the repository or give --repo");
        }
        return Path.of(top.out().strip());
    }

    /**
     * The full commit a revision names.
     *
     * @param option the option that gave it, for the message
     * @throws AbInputException when it names no commit here
     */
    String commitOf(String revision, String option) {
        Output commit = run("rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        if (commit.status() != 0 || commit.out().isBlank()) {
            throw new AbInputException(option + " '" + revision + "' is not a commit in " + repo);
        }
        return commit.out().strip();
    }

    /** Adds a detached worktree of {@code commit} at {@code dir}. */
    void addWorktree(Path dir, String commit) {
        Output added = run("worktree", "add", "--force", "--detach", dir.toString(), commit);
        if (added.status() != 0) {
            throw new AbInputException("cannot check out " + commit + " into " + dir + " (git worktree add: "
                    + IoCause.oneLine(added.err()) + ")");
        }
    }

    /** Removes a worktree this repository knows (a stale one from an interrupted build); quiet if it is none. */
    void removeWorktree(Path dir) {
        run("worktree", "remove", "--force", dir.toString());
        run("worktree", "prune");
    }

    Output run(String... args) {
        try {
            org.jmpibench.results.Git.Output output = org.jmpibench.results.Git.run(repo, GIT_SECONDS, args);
            return new Output(output.status(), output.out(), output.err());
        } catch (IOException e) {
            throw new AbInputException("git " + args[0] + " in " + repo + ": " + IoCause.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AbInputException("interrupted while asking git in " + repo);
        }
    }
}

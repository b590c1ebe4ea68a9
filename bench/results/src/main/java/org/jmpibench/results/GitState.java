package org.jmpibench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The git commit of the checkout that code runs from, and whether its tracked files differ from that commit (a dirty
 * tree: the results may not belong to the commit). Asked of {@code git} itself, each call with a ceiling; where there
 * is no git or no checkout the state is unknown, with the reason.
 *
 * @param commit the full commit hash, or null when unknown
 * @param dirty whether tracked files differ from {@code commit}, or null when unknown
 * @param unknown why the state is unknown, or null when it is known
 */
public record GitState(String commit, Boolean dirty, String unknown) {

    private static final long GIT_SECONDS = 20;

    /** The state of the checkout that holds {@code dir} (a directory or a file in it). */
    public static GitState of(Path dir) {
        Path where = Files.isDirectory(dir) ? dir : dir.toAbsolutePath().getParent();
        try {
            Git.Output head = git(where, "rev-parse", "--verify", "HEAD");
            if (head.status() != 0) {
                return unknown("not in a git checkout (" + where + ")");
            }
            String commit = head.out().strip();
            // Exit 1: tracked files differ from HEAD, staged or not; untracked files do not count.
            Git.Output diff = git(where, "diff", "--quiet", "HEAD", "--");
            if (diff.status() > 1) {
                return new GitState(commit, null, "git diff failed in " + where);
            }
            return new GitState(commit, diff.status() == 1, null);
        } catch (IOException e) {
            return unknown("git could not be run (" + IoCause.of(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown("interrupted while asking git");
        }
    }

    private static GitState unknown(String why) {
        return new GitState(null, null, why);
    }

    private static Git.Output git(Path dir, String... args) throws IOException, InterruptedException {
        return Git.run(dir, GIT_SECONDS, args);
    }
}

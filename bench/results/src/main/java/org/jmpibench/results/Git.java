package org.jmpibench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code git -C DIR ARGS} with a ceiling and returns what it printed: the one way this project asks git anything
 * (a run's commit, {@code ab}'s revisions and worktrees, {@code history}'s commit order).
 */
public final class Git {

    /** What git printed and how it ended. */
    public record Output(int status, String out, String err) {
        public boolean ok() {
            return status == 0;
        }
    }

    private Git() {}

    /** @throws IOException when git cannot be started or runs over {@code limitSeconds} (it is then killed) */
    public static Output run(Path dir, long limitSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("jmpi-bench-git-", ".out");
        Path err = Files.createTempFile("jmpi-bench-git-", ".err");
        try {
            Process git = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!git.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                throw new IOException("git " + args[0] + " took longer than " + limitSeconds + " s");
            }
            return new Output(
                    git.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

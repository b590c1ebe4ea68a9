package org.jmpibench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine;

/** The committed fixture results (see src/test/fixtures/make_fixtures.py) and a way to run {@code plot}. */
final class Fixtures {
  /** 147 results: send np=2; bcast and gather-average np=2,4; 4 backends, openmpi with both buffer kinds. */
  static final String RUN_A = "results-2026-11-30.json";

  static final String RUN_A_CONTEXT = "results-2026-11-30.context.json";

  /** 59 results of loopback and shm only, no context file. */
  static final String RUN_B = "results-2026-12-01.json";

  private Fixtures() {}

  /** Copies a fixture into {@code directory} (so a test can put files beside it) and returns the copy. */
  static Path copy(String name, Path directory) throws IOException {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource fixtures/" + name);
      }
      Path copy = directory.resolve(name);
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return copy;
    }
  }

  /** What one {@code plot} invocation did. */
  record Outcome(int exitCode, String out, String err) {}

  static Outcome plot(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new PlotCommand());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Outcome(exitCode, out.toString(), err.toString());
  }
}

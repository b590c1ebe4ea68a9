package org.jmpibench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code --version} prints: the version and the git commit the jar was built from, written into {@value #RESOURCE}
 * when the jar is built ({@code scripts/build-info.sh}), and the JVM it runs on. A build from a tree with uncommitted
 * changes says so; a build outside a git checkout says the commit is unknown.
 */
final class BuildVersion implements CommandLine.IVersionProvider {

    static final String RESOURCE = "build.properties";

    @Override
    public String[] getVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the class path: build with Maven");
            }
            build.load(in);
        }
        String commit = build.getProperty("commit", "");
        String source = commit.isBlank()
                ? "commit unknown (not built from a git checkout)"
                : "commit " + commit + ("true".equals(build.getProperty("dirty")) ? " with uncommitted changes" : "")
                        + " (" + build.getProperty("commitTime", "") + ")";
        return new String[] {
            "jmpi-bench " + build.getProperty("version", "?"),
            source,
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}

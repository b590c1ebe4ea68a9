package org.jmpibench.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jmpibench.spi.Job;

/**
 * Starts a rank on another host through a launch agent: {@code ssh} unless {@value #AGENT_ENV} names another (the same
 * role as Open MPI's {@code plm_rsh_agent}, which the openmpi backend sets from it). As with ssh, the agent gets the
 * host and one command line for the shell over there.
 *
 * <p>The rank's environment (the job token among it) never appears on that line, which {@code ps} would show: the
 * remote command first reads {@code NAME=VALUE} lines from its stdin up to an empty line and exports them, then becomes
 * the rank. The launcher keeps the stdin open for as long as the rank runs, so the rank sees its end when the launcher
 * is gone ({@link Job#LAUNCHER_STDIN_ENV}): a rank on another host cannot watch the launcher's PID.
 */
public final class RemoteLaunch {

    /** The launch agent's command, split at spaces, e.g. {@code ssh -o BatchMode=yes}; default {@code ssh}. */
    public static final String AGENT_ENV = "JMPI_LAUNCH_AGENT";

    static final String DEFAULT_AGENT = "ssh";
    /** What the remote shell runs before the rank: export the environment block, then exec the rank. */
    private static final String READ_ENVIRONMENT =
            "while IFS= read -r v && [ -n \"$v\" ]; do export \"$v\"; done; exec \"$@\"";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RemoteLaunch() {}

    /** The agent's command words from {@code env} (the launcher's environment and the job's). */
    public static List<String> agent(Map<String, String> env) {
        String value = env.get(AGENT_ENV);
        return List.of((value == null || value.isBlank() ? DEFAULT_AGENT : value)
                .strip()
                .split("\\s+"));
    }

    /** {@code AGENT... HOST 'exec sh -c ... rank command'}: runs {@code rankCommand} on {@code host}. */
    static List<String> command(List<String> agent, String host, List<String> rankCommand) {
        List<String> cmd = new ArrayList<>(agent);
        cmd.add(host);
        StringBuilder line =
                new StringBuilder("exec sh -c ").append(quote(READ_ENVIRONMENT)).append(" jmpi-rank");
        for (String word : rankCommand) {
            line.append(' ').append(quote(word));
        }
        cmd.add(line.toString());
        return cmd;
    }

    /**
     * Writes the block the remote command reads and flushes it; the stream stays open.
     *
     * @throws IllegalArgumentException for a name that is not a shell variable name or a value with a line break
     */
    static void sendEnvironment(OutputStream stdin, Map<String, String> env) throws IOException {
        StringBuilder block = new StringBuilder();
        env.forEach((name, value) -> {
            if (!NAME.matcher(name).matches() || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("environment variable " + name + " cannot be passed to a rank "
                        + "on another host: a shell variable name with a one-line value is needed");
            }
            block.append(name).append('=').append(value).append('\n');
        });
        block.append('\n');
        stdin.write(block.toString().getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** One word for a POSIX shell, whatever it holds. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

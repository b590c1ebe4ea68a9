package org.jmpibench.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jmpibench.spi.Hosts;
import org.jmpibench.spi.Hosts.Host;

/**
 * Where the hosts of a job come from: an Open MPI hostfile, or the allocation of a batch system.
 *
 * <p>Hostfile format (Open MPI's): one host per line, optionally followed by {@code slots=N} (and {@code max_slots=N},
 * accepted and without effect: ranks never exceed the slots); {@code #} starts a comment; blank lines are skipped; a
 * host listed again adds its slots. A host without {@code slots=} has one slot (Open MPI would count that host's cores,
 * which the launcher cannot know). Anything else is an error naming the file, the line and what is wrong.
 *
 * <p>Allocations: {@value #SLURM} reads {@code SLURM_JOB_NODELIST} ({@code node[01-03,07]} expands to four hosts), with
 * slots from {@code SLURM_TASKS_PER_NODE} ({@code 2(x3),1}) when set, else one per node; {@value #PBS} reads the node
 * file named by {@code PBS_NODEFILE} (a host per line, once per slot).
 */
public final class Hostfiles {

    /** The word that takes the hosts from a Slurm allocation instead of a file. */
    public static final String SLURM = "slurm";
    /** The word that takes the hosts from a PBS/Torque allocation instead of a file. */
    public static final String PBS = "pbs";

    static final String SLURM_NODELIST_ENV = "SLURM_JOB_NODELIST";
    static final String SLURM_TASKS_ENV = "SLURM_TASKS_PER_NODE";
    static final String PBS_NODEFILE_ENV = "PBS_NODEFILE";

    private Hostfiles() {}

    /**
     * The hosts named by {@code source}: {@value #SLURM}, {@value #PBS}, or the path of a hostfile.
     *
     * @throws IllegalArgumentException with one line saying what is wrong (file missing, bad line, no allocation)
     */
    public static Hosts resolve(String source, Map<String, String> env) {
        return switch (source) {
            case SLURM -> fromSlurm(env);
            case PBS -> read(Path.of(required(env, PBS_NODEFILE_ENV, "--hostfile " + PBS)));
            default -> read(Path.of(source));
        };
    }

    /** Reads an Open MPI hostfile. */
    public static Hosts read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("hostfile " + file + " cannot be read: " + reason(e));
        }
        return Hosts.of(parse(lines, "hostfile " + file));
    }

    /** {@code hosts} as a hostfile ({@code HOST slots=N} lines, in order) that {@link #read} reads back. */
    public static String text(Hosts hosts) {
        StringBuilder text = new StringBuilder();
        hosts.hosts()
                .forEach(host -> text.append(host.name())
                        .append(" slots=")
                        .append(host.slots())
                        .append('\n'));
        return text.toString();
    }

    /** The hosts of {@code lines} in hostfile format; {@code source} names them in errors. */
    static List<Host> parse(List<String> lines, String source) {
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String[] words = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            String where = source + " line " + (i + 1) + ": ";
            int slots = 1;
            for (int w = 1; w < words.length; w++) {
                String word = words[w];
                if (word.startsWith("slots=")) {
                    slots = positive(word.substring("slots=".length()), where + word);
                } else if (word.startsWith("max_slots=") || word.startsWith("max-slots=")) {
                    positive(word.substring(word.indexOf('=') + 1), where + word);
                } else {
                    throw new IllegalArgumentException(
                            where + "'" + word + "' is not understood; a line is " + "'HOST [slots=N]'");
                }
            }
            if (!words[0].matches("[A-Za-z0-9._:\\[\\]-]+")) {
                throw new IllegalArgumentException(where + "'" + words[0] + "' is not a host name");
            }
            hosts.add(new Host(words[0], slots));
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException(source + " names no host");
        }
        return hosts;
    }

    /** The hosts of the Slurm allocation this process runs in. */
    static Hosts fromSlurm(Map<String, String> env) {
        String where = "$" + SLURM_NODELIST_ENV;
        List<String> nodes = expandNodelist(required(env, SLURM_NODELIST_ENV, "--hostfile " + SLURM), where);
        String tasks = env.get(SLURM_TASKS_ENV);
        List<Integer> slots = tasks == null || tasks.isBlank() ? null : expandTasksPerNode(tasks);
        if (slots != null && slots.size() != nodes.size()) {
            throw new IllegalArgumentException("$" + SLURM_TASKS_ENV + " '" + tasks + "' gives " + slots.size()
                    + " task counts for the " + nodes.size() + " nodes of " + where);
        }
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            hosts.add(new Host(nodes.get(i), slots == null ? 1 : slots.get(i)));
        }
        return Hosts.of(hosts);
    }

    /**
     * Slurm's compact host list: {@code a,b[1-3],c[01,07-08]d} gives {@code a, b1, b2, b3, c01d, c07d, c08d}. Ranges
     * keep their zero padding; several bracket groups in one name multiply.
     */
    static List<String> expandNodelist(String list, String where) {
        List<String> names = new ArrayList<>();
        for (String item : splitTopLevel(list, where)) {
            expandItem(item, "", names, where);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty");
        }
        return names;
    }

    /** {@code 2(x3),1} gives {@code 2, 2, 2, 1}. */
    static List<Integer> expandTasksPerNode(String value) {
        String where = "$" + SLURM_TASKS_ENV + " '" + value + "'";
        List<Integer> counts = new ArrayList<>();
        for (String part : value.trim().split(",")) {
            int paren = part.indexOf('(');
            if (paren < 0) {
                counts.add(positive(part, where));
                continue;
            }
            if (!part.endsWith(")") || !part.startsWith("x", paren + 1)) {
                throw new IllegalArgumentException(where + ": '" + part + "' is not N or N(xM)");
            }
            int count = positive(part.substring(0, paren), where);
            int times = positive(part.substring(paren + 2, part.length() - 1), where);
            for (int i = 0; i < times; i++) {
                counts.add(count);
            }
        }
        return counts;
    }

    private static void expandItem(String rest, String prefix, List<String> names, String where) {
        int open = rest.indexOf('[');
        if (open < 0) {
            names.add(prefix + rest);
            return;
        }
        int close = rest.indexOf(']', open);
        if (close < 0) {
            throw new IllegalArgumentException(where + ": '[' without ']' in '" + rest + "'");
        }
        String head = prefix + rest.substring(0, open);
        String tail = rest.substring(close + 1);
        for (String range : rest.substring(open + 1, close).split(",")) {
            int dash = range.indexOf('-');
            String from = dash < 0 ? range : range.substring(0, dash);
            String to = dash < 0 ? range : range.substring(dash + 1);
            if (!from.matches("\\d+") || !to.matches("\\d+")) {
                throw new IllegalArgumentException(where + ": '" + range + "' is not a number or a range N-M");
            }
            long first = Long.parseLong(from);
            long last = Long.parseLong(to);
            if (last < first || last - first > 100_000) {
                throw new IllegalArgumentException(where + ": bad range '" + range + "'");
            }
            for (long n = first; n <= last; n++) {
                String digits = Long.toString(n);
                String padded = "0".repeat(Math.max(0, from.length() - digits.length())) + digits;
                expandItem(tail, head + padded, names, where);
            }
        }
    }

    /** Splits at commas that are not inside brackets. */
    private static List<String> splitTopLevel(String list, String where) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(list.substring(start, i).trim());
                start = i + 1;
            }
            if (depth < 0 || depth > 1) {
                throw new IllegalArgumentException(where + ": unbalanced brackets in '" + list + "'");
            }
        }
        items.add(list.substring(start).trim());
        items.removeIf(String::isEmpty);
        return items;
    }

    private static String required(Map<String, String> env, String name, String option) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    option + ": $" + name + " is not set (not inside such an " + "allocation?)");
        }
        return value.trim();
    }

    private static int positive(String text, String where) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(where + ": '" + text + "' is not a positive whole number");
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException
                ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.toString();
    }
}

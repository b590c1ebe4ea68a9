package org.jmpibench.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The hosts a job may run on, each with its number of slots (the content of an Open MPI hostfile, or of a batch
 * system's allocation), and how ranks are mapped onto them.
 *
 * <p>Mapping, as Open MPI's {@code --map-by}: {@value #BY_SLOT} (the default) fills the first host's slots with ranks
 * 0, 1, ..., then the next host's; {@value #BY_NODE} deals ranks round-robin, one per host with a free slot, so
 * {@code a slots=2, b slots=2} at np 4 gives {@code a b a b}. Any other policy (e.g. {@code ppr:2:node}) is Open MPI's
 * to interpret: {@link #placement} then cannot say where ranks go.
 *
 * @param hosts each host once, in the order given, with at least one slot
 * @param mapBy the mapping policy; {@value #BY_SLOT} or {@value #BY_NODE} for launchers of our own
 */
public record Hosts(List<Host> hosts, String mapBy) {

    public static final String BY_SLOT = "slot";
    public static final String BY_NODE = "node";

    /** One host and how many ranks it may hold. */
    public record Host(String name, int slots) {
        public Host {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("host name must be one word, got '" + name + "'");
            }
            if (slots < 1) {
                throw new IllegalArgumentException("host " + name + ": slots must be at least 1, got " + slots);
            }
        }
    }

    public Hosts {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no hosts");
        }
        hosts = List.copyOf(mergeRepeats(hosts));
        Objects.requireNonNull(mapBy, "mapBy");
        if (mapBy.isBlank() || mapBy.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("map-by policy must be one word, got '" + mapBy + "'");
        }
    }

    /** The hosts, mapped by slot. */
    public static Hosts of(List<Host> hosts) {
        return new Hosts(hosts, BY_SLOT);
    }

    public Hosts withMapBy(String policy) {
        return new Hosts(hosts, policy);
    }

    /** Slots of all hosts together: the most ranks a job may have here. */
    public int totalSlots() {
        return hosts.stream().mapToInt(Host::slots).sum();
    }

    /** Whether this is more than one host. */
    public boolean spansHosts() {
        return hosts.size() > 1;
    }

    public List<String> names() {
        return hosts.stream().map(Host::name).toList();
    }

    /** Whether {@link #placement} can tell where ranks go ({@value #BY_SLOT} or {@value #BY_NODE}). */
    public boolean placementKnown() {
        return mapBy.equals(BY_SLOT) || mapBy.equals(BY_NODE);
    }

    /**
     * The host of every rank of an {@code np}-rank job, indexed by rank.
     *
     * @throws IllegalArgumentException when {@code np} exceeds the slots, or the policy is not ours to apply
     */
    public List<String> placement(int np) {
        if (np < 1 || np > totalSlots()) {
            throw new IllegalArgumentException(
                    "np " + np + " does not fit the " + totalSlots() + " slots of " + describe());
        }
        if (!placementKnown()) {
            throw new IllegalArgumentException(
                    "map-by '" + mapBy + "' is Open MPI's to apply; ours are " + BY_SLOT + " and " + BY_NODE);
        }
        List<String> placed = new ArrayList<>(np);
        if (mapBy.equals(BY_SLOT)) {
            for (Host host : hosts) {
                for (int s = 0; s < host.slots() && placed.size() < np; s++) {
                    placed.add(host.name());
                }
            }
            return placed;
        }
        int[] used = new int[hosts.size()];
        while (placed.size() < np) {
            for (int h = 0; h < hosts.size() && placed.size() < np; h++) {
                if (used[h] < hosts.get(h).slots()) {
                    used[h]++;
                    placed.add(hosts.get(h).name());
                }
            }
        }
        return placed;
    }

    /** {@code a slots=2, b slots=1}: the hosts as a hostfile would list them. */
    public String describe() {
        StringJoiner joined = new StringJoiner(", ");
        hosts.forEach(h -> joined.add(h.name() + " slots=" + h.slots()));
        return joined.toString();
    }

    /**
     * One line saying which ranks run where, e.g. {@code a: ranks 0 2; b: ranks 1 3 (map-by node)}, or, for a policy
     * that is not ours, that the backend decides (openmpi's mpirun; the others refuse it).
     */
    public String describePlacement(int np) {
        if (!placementKnown()) {
            return "left to the backend (map-by " + mapBy + ") on " + describe();
        }
        Map<String, List<String>> byHost = new LinkedHashMap<>();
        List<String> placed = placement(np);
        for (int rank = 0; rank < placed.size(); rank++) {
            byHost.computeIfAbsent(placed.get(rank), h -> new ArrayList<>()).add(Integer.toString(rank));
        }
        StringJoiner line = new StringJoiner("; ", "", " (map-by " + mapBy + ")");
        byHost.forEach(
                (host, ranks) -> line.add(host + ": rank" + (ranks.size() > 1 ? "s " : " ") + String.join(" ", ranks)));
        return line.toString();
    }

    /** A host listed twice adds its slots, as in Open MPI's hostfiles and PBS node files (one line per slot). */
    private static List<Host> mergeRepeats(List<Host> hosts) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (Host host : hosts) {
            slots.merge(host.name(), host.slots(), Math::addExact);
        }
        List<Host> merged = new ArrayList<>();
        slots.forEach((name, n) -> merged.add(new Host(name, n)));
        return merged;
    }
}

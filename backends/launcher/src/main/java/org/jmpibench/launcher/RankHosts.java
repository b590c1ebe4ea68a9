package org.jmpibench.launcher;

import java.util.ArrayList;
import java.util.List;
import org.jmpibench.spi.JobSpec;

/**
 * The host of each rank of a job, as failure lines name it: "rank 3 on host h2". Empty for a job on this machine alone
 * (no hostfile), and when the backend decides the placement (a map-by policy that is not ours), where naming a host
 * could name the wrong one.
 */
public final class RankHosts {

    private static final RankHosts NONE = new RankHosts(List.of());

    private final List<String> placement;

    private RankHosts(List<String> placement) {
        this.placement = List.copyOf(placement);
    }

    /** Hosts named nowhere: a job on this machine. */
    public static RankHosts none() {
        return NONE;
    }

    /** The placement of {@code spec}'s ranks over its hostfile's hosts, when the hostfile says where they go. */
    public static RankHosts of(JobSpec spec) {
        if (spec.hostfile() == null || !spec.hostfile().placementKnown()) {
            return NONE;
        }
        return new RankHosts(spec.hostfile().placement(spec.np()));
    }

    /** @param placement the host of each rank, indexed by rank */
    public static RankHosts of(List<String> placement) {
        return new RankHosts(placement);
    }

    /** The host of {@code rank}, or null when not known. */
    public String host(int rank) {
        return rank >= 0 && rank < placement.size() ? placement.get(rank) : null;
    }

    /** " on host h2" for a rank whose host is known, else empty: to follow "rank N" in a failure line. */
    public String on(int rank) {
        String host = host(rank);
        return host == null ? "" : " on host " + host;
    }

    /** The ranks placed on {@code host}, in rank order. */
    public List<Integer> ranksOn(String host) {
        List<Integer> ranks = new ArrayList<>();
        for (int rank = 0; rank < placement.size(); rank++) {
            if (placement.get(rank).equals(host)) {
                ranks.add(rank);
            }
        }
        return ranks;
    }
}

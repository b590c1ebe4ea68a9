package org.jmpibench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a job's ranks were spread over hosts, as the value of the {@link Param#LAYOUT} parameter: what tells an
 * intra-host result from an inter-host one, and what makes results comparable only when their ranks were placed alike.
 * Host names are left out: the same layout on other machines is the same benchmark.
 *
 * <p>{@value #ONE_HOST}: every rank on one host (the neutral value, so results from before hosts existed match).
 * Otherwise {@code <H>hosts:<ranks>/<ranks>/...}: each host's ranks, hosts in the order of their lowest rank, ranks
 * ascending, joined with {@code +}, a run of consecutive ranks as {@code first-last}. For example {@code 2hosts:0/1}
 * (np 2, a rank per host), {@code 2hosts:0+2/1+3} (np 4 round-robin, {@code --map-by node}), {@code 2hosts:0-1/2-3} (np
 * 4, two slots per host filled in turn).
 */
public final class Layout {

    /** Every rank on one host. */
    public static final String ONE_HOST = "1host";

    private static final String RANKS = "\\d+(-\\d+)?(\\+\\d+(-\\d+)?)*";
    private static final Pattern SEVERAL = Pattern.compile("(\\d+)hosts:(" + RANKS + "(/" + RANKS + ")*)");

    private Layout() {}

    /**
     * The layout of a job whose rank {@code r} runs on host {@code hostOfRank.get(r)}.
     *
     * @throws IllegalArgumentException when there are no ranks
     */
    public static String of(List<String> hostOfRank) {
        if (hostOfRank.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one rank");
        }
        Map<String, List<Integer>> ranksByHost = new LinkedHashMap<>();
        for (int rank = 0; rank < hostOfRank.size(); rank++) {
            ranksByHost
                    .computeIfAbsent(hostOfRank.get(rank), host -> new ArrayList<>())
                    .add(rank);
        }
        if (ranksByHost.size() == 1) {
            return ONE_HOST;
        }
        StringJoiner hosts = new StringJoiner("/", ranksByHost.size() + "hosts:", "");
        ranksByHost.values().forEach(ranks -> hosts.add(ranges(ranks)));
        return hosts.toString();
    }

    /** How many hosts {@code layout} spreads the ranks over: 1 for {@value #ONE_HOST}. */
    public static int hosts(String layout) {
        if (layout.equals(ONE_HOST)) {
            return 1;
        }
        Matcher several = matcher(layout);
        return Integer.parseInt(several.group(1));
    }

    /** Whether {@code layout} puts ranks on more than one host. */
    public static boolean acrossHosts(String layout) {
        return hosts(layout) > 1;
    }

    /** {@code 1 host}, {@code 2 hosts}: the layout as a chart or table label says it. */
    public static String hostsLabel(String layout) {
        int hosts = hosts(layout);
        return hosts + (hosts == 1 ? " host" : " hosts");
    }

    /** Why {@code layout} is not a layout, or empty when it is one. */
    static Optional<String> problemWith(String layout) {
        try {
            hosts(layout);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Matcher matcher(String layout) {
        Matcher several = SEVERAL.matcher(layout);
        if (!several.matches()
                || several.group(2).split("/").length != Integer.parseInt(several.group(1))
                || several.group(1).equals("1")) {
            throw new IllegalArgumentException("'" + layout + "', expected " + ONE_HOST
                    + " or <H>hosts: and the ranks of each of the H hosts, e.g. 2hosts:0+2/1+3");
        }
        return several;
    }

    /** {@code 0-2+5}: ascending ranks with consecutive runs as ranges. */
    private static String ranges(List<Integer> ranks) {
        StringJoiner joined = new StringJoiner("+");
        int start = 0;
        while (start < ranks.size()) {
            int end = start;
            while (end + 1 < ranks.size() && ranks.get(end + 1) == ranks.get(end) + 1) {
                end++;
            }
            joined.add(
                    end > start
                            ? ranks.get(start) + "-" + ranks.get(end)
                            : ranks.get(start).toString());
            start = end + 1;
        }
        return joined.toString();
    }
}

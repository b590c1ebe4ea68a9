package org.jmpibench.regression;

import java.util.List;

/**
 * The order in which an A/B run measures its forks: blocks of four, {@code A B B A} then {@code B A A B}, alternating.
 * Within a block each side has one early and one late fork, so a drift that is linear over the block (the machine
 * warming up, a neighbour's build starting) cancels from the block's log ratio; alternating the blocks' orientation
 * cancels what depends on the position in a block (the first fork after a switch of jar, say) across pairs of blocks.
 * The unit of analysis is the block: its log ratio head/base is one sample.
 */
public final class BlockDesign {

    /** Forks per block: two per side. */
    public static final int FORKS_PER_BLOCK = 4;

    private static final List<AbSide> ABBA = List.of(AbSide.BASE, AbSide.HEAD, AbSide.HEAD, AbSide.BASE);
    private static final List<AbSide> BAAB = List.of(AbSide.HEAD, AbSide.BASE, AbSide.BASE, AbSide.HEAD);

    private BlockDesign() {}

    /** The sides of block {@code block}'s forks (0-based), in the order they run. */
    public static List<AbSide> order(int block) {
        return block % 2 == 0 ? ABBA : BAAB;
    }

    /** Which pair of its block the fork at {@code position} (from 0) belongs to: 0 for forks 1-2, 1 for forks 3-4. */
    public static int pair(int position) {
        return position / 2;
    }

    /** {@code ABBA} or {@code BAAB}. */
    public static String pattern(int block) {
        return block % 2 == 0 ? "ABBA" : "BAAB";
    }
}

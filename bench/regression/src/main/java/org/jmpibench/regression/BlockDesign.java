package org.jmpibench.regression;

import java.util.List;

/**
 * The order in which an A/B run measures its forks: blocks of four, {@code A B B A} then {@code B A A B}, alternating.
 * Within a block each side has one early and one late fork, so a drift that is linear over the block (the machine
 * warming up, a neighbour's build starting) cancels over the block; alternating the blocks' orientation cancels what
 * depends on the position in a block (the first fork after a switch of jar, say) across pairs of blocks.
 *
 * <p>The unit of analysis is the <em>pair</em>: forks 1 and 2 of a block, and forks 3 and 4, each one base and one head
 * fork run back to back; its log ratio head/base is one sample. Why not the whole block: now and then a fork lands in a
 * slow state of the machine for its whole life (on this 2-core VM about one shm fork in eight ran 3-4x slower: where
 * the host put the vCPUs), and spoils the sample it is in. A block is spoiled when any of its four forks is (41% of
 * blocks at one fork in eight), a pair when either of its two is (23%). A steady drift adds to the first pair of a
 * block what it takes from the second (ABBA: head runs later, then earlier), so it cancels over the pairs as it did
 * over the block.
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

package org.jmpibench.collectives;

/** What every algorithm works with: the point-to-point layer, this rank's place, and two scratch areas. */
final class Context {

    final PointToPoint p2p;
    final int rank;
    final int size;
    /** Receives what a partner sends before it is combined or passed on. */
    final Scratch tmp = new Scratch();
    /** Holds partial results when the caller's receive buffer cannot (off the root, or too small). */
    final Scratch acc = new Scratch();

    Context(PointToPoint p2p) {
        this.p2p = p2p;
        this.rank = p2p.rank();
        this.size = p2p.size();
    }

    /** {@code r mod size}, for rank arithmetic that may go below 0. */
    int mod(int r) {
        int m = r % size;
        return m < 0 ? m + size : m;
    }
}

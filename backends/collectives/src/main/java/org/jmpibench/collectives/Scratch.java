package org.jmpibench.collectives;

import java.nio.ByteBuffer;

/**
 * One scratch area of a communicator, in each kind a region can have: grown to the largest size a call has needed and
 * then kept, so steady-state calls allocate nothing. Buffers are direct (a backend can move them without a copy) and
 * take the byte order of the region they stand in for.
 */
final class Scratch {

    private int[] ints = new int[0];
    private double[] doubles = new double[0];
    private ByteBuffer bytes = ByteBuffer.allocateDirect(0);
    private final Region region = new Region();

    /** A region of this scratch area of {@code template}'s kind and element type, with room for {@code elements}. */
    Region like(Region template, int elements) {
        switch (template.kind()) {
            case INTS -> {
                if (ints.length < elements) {
                    ints = new int[elements];
                }
                return region.ints(ints, 0);
            }
            case DOUBLES -> {
                if (doubles.length < elements) {
                    doubles = new double[elements];
                }
                return region.doubles(doubles, 0);
            }
            default -> {
                long needed = (long) elements * template.elementBytes();
                if (needed > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("a collective needs " + needed + " bytes of scratch space, "
                            + "more than one buffer can hold");
                }
                if (bytes.capacity() < needed) {
                    bytes = ByteBuffer.allocateDirect((int) needed);
                }
                bytes.order(template.byteBuffer().order());
                return region.bytes(bytes, 0, template.type());
            }
        }
    }
}

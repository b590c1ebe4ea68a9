package org.jmpibench.mpjexpress;

/**
 * Arrays that data is copied through where MPJ Express cannot take the caller's buffer as it is: a {@code ByteBuffer}
 * (MPJ takes arrays only), or an array at an offset MPJ would ignore. Two slots per element kind, one for what is sent
 * and one for what is received, so one call can use both. They only grow, so once they have held the largest message of
 * a run they allocate nothing more; {@link #exact} arrays are the exception (see there).
 */
final class MpjScratch {

    static final int IN = 0;
    static final int OUT = 1;
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private final Object[][] grown = new Object[ArrayKind.values().length][2];
    private final Object[] exact = new Object[ArrayKind.values().length];

    /** A scratch array of {@code kind} with at least {@code length} elements, for {@code slot}. */
    Object array(ArrayKind kind, int slot, long length) {
        Object current = grown[kind.ordinal()][slot];
        if (current == null || ArrayKind.length(current) < length) {
            current = kind.newArray(checked(length));
            grown[kind.ordinal()][slot] = current;
        }
        return current;
    }

    /**
     * A scratch array of exactly {@code length} elements: MPJ's reduction workers allocate a temporary as long as the
     * whole receive array, whatever the count, so a receive array longer than the count costs a larger allocation on
     * every call. Replaced when the length changes, so a run of calls of one size allocates nothing.
     */
    Object exact(ArrayKind kind, long length) {
        Object current = exact[kind.ordinal()];
        if (current == null || ArrayKind.length(current) != length) {
            current = kind.newArray(checked(length));
            exact[kind.ordinal()] = current;
        }
        return current;
    }

    private static int checked(long length) {
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException(length + " elements exceed the largest Java array");
        }
        return (int) length;
    }
}

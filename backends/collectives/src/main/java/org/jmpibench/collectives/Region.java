package org.jmpibench.collectives;

import java.nio.ByteBuffer;
import org.jmpibench.spi.DataType;

/**
 * Where a collective's data lives: an {@code int[]}, a {@code double[]} or a {@link ByteBuffer}, from element 0 on,
 * addressed in elements. A {@code ByteBuffer}'s elements are of a {@link DataType} when they are reduced, and single
 * bytes when they are only moved. Mutable and reused for every call (set it, use it, {@link #clear()} it), so
 * describing a buffer allocates nothing.
 */
public final class Region {

    /** What a region holds. */
    public enum Kind {
        INTS,
        DOUBLES,
        BYTES
    }

    private Kind kind;
    private int[] ints;
    private double[] doubles;
    private ByteBuffer bytes;
    /** Array index of element 0, or byte index of element 0 in {@link #bytes}. */
    private int base;

    private int elementBytes;
    private DataType type;

    /** Elements {@code offset ..} of {@code array}. */
    public Region ints(int[] array, int offset) {
        clear();
        kind = Kind.INTS;
        ints = array;
        base = offset;
        elementBytes = Integer.BYTES;
        type = DataType.INT;
        return this;
    }

    /** Elements {@code offset ..} of {@code array}. */
    public Region doubles(double[] array, int offset) {
        clear();
        kind = Kind.DOUBLES;
        doubles = array;
        base = offset;
        elementBytes = Double.BYTES;
        type = DataType.DOUBLE;
        return this;
    }

    /** Bytes from index {@code index} of {@code buffer}, as elements of {@code type}, or single bytes when null. */
    public Region bytes(ByteBuffer buffer, int index, DataType elementType) {
        clear();
        kind = Kind.BYTES;
        bytes = buffer;
        base = index;
        elementBytes = elementType == null ? 1 : elementType.bytes();
        type = elementType;
        return this;
    }

    /** Drops the reference to the caller's buffer, so that a finished call does not keep it alive. */
    public void clear() {
        ints = null;
        doubles = null;
        bytes = null;
    }

    public Kind kind() {
        return kind;
    }

    /** The element type; null for a {@code ByteBuffer} of plain bytes. */
    public DataType type() {
        return type;
    }

    public int elementBytes() {
        return elementBytes;
    }

    public int[] intArray() {
        return ints;
    }

    public double[] doubleArray() {
        return doubles;
    }

    public ByteBuffer byteBuffer() {
        return bytes;
    }

    /** Index in the array of element {@code element} ({@link Kind#INTS} and {@link Kind#DOUBLES}). */
    public int arrayIndex(int element) {
        return base + element;
    }

    /** Index in the buffer of the first byte of element {@code element} ({@link Kind#BYTES}). */
    public int byteIndex(int element) {
        return base + element * elementBytes;
    }
}

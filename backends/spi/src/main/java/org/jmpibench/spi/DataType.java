package org.jmpibench.spi;

/**
 * What the bytes of a {@link java.nio.ByteBuffer} hold, for the operations that must know (the reductions): the element
 * count is {@code remaining() / bytes()}. Elements are in the buffer's byte order; every rank of a job runs on machines
 * of one byte order, and buffers the suite allocates are in native order.
 */
public enum DataType {
    INT(Integer.BYTES),
    DOUBLE(Double.BYTES);

    private final int bytes;

    DataType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }
}

package org.jmpibench.shm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Java 22+'s bulk copier: copies of {@value MemoryAccess#MEMCPY_MIN_BYTES} bytes and more between native memory (a
 * ring, a direct buffer) and anything call libc's {@code memcpy}; smaller ones, and those between heap buffers, are
 * {@link JavaBulkCopy}'s. {@link MemoryAccess} creates it only where native access is enabled.
 *
 * <p>Nothing is allocated per copy, by construction where it can be: native memory is passed as a {@code long}
 * address (the ring's and a direct buffer's are looked up once), so no segment object is made for it. A heap array
 * is passed as a slice of a heap segment to a "critical" call, which may read and write the Java heap; that slice is
 * a small object which C2 removes (escape analysis; the allocation test runs ranks with C2), C1 does not.
 *
 * <p>Addresses bypass the foreign-memory API's checks, so every copy checks its bounds here first; ring addresses
 * are valid until the rank closes its communicator, after which the communicator refuses every call.
 */
final class MemcpyBulkCopy extends JavaBulkCopy {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemorySegment MEMCPY = LINKER.defaultLookup().find("memcpy")
            .orElseThrow(() -> new IllegalStateException("libc has no memcpy"));
    /** memcpy(void *dst, const void *src, size_t n) with both pointers as addresses. */
    private static final MethodHandle NATIVE_TO_NATIVE = LINKER.downcallHandle(MEMCPY, FunctionDescriptor.ofVoid(
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), Linker.Option.critical(false));
    private static final MethodHandle HEAP_TO_NATIVE = LINKER.downcallHandle(MEMCPY, FunctionDescriptor.ofVoid(
            ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG), Linker.Option.critical(true));
    private static final MethodHandle NATIVE_TO_HEAP = LINKER.downcallHandle(MEMCPY, FunctionDescriptor.ofVoid(
            ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), Linker.Option.critical(true));

    @Override
    public long addressOf(ByteBuffer buffer) {
        return buffer.isDirect() ? MemorySegment.ofBuffer(buffer).address() - buffer.position() : 0;
    }

    @Override
    public void put(int[] from, int fromIndex, BufferViews to, int toByte, int bytes) {
        if (bytes < MemoryAccess.MEMCPY_MIN_BYTES || to.address == 0) {
            super.put(from, fromIndex, to, toByte, bytes);
            return;
        }
        heapToNative(MemorySegment.ofArray(from).asSlice((long) fromIndex * Integer.BYTES, bytes),
                nativeAt(to, toByte, bytes), bytes);
    }

    @Override
    public void get(BufferViews from, int fromByte, int[] to, int toIndex, int bytes) {
        if (bytes < MemoryAccess.MEMCPY_MIN_BYTES || from.address == 0) {
            super.get(from, fromByte, to, toIndex, bytes);
            return;
        }
        nativeToHeap(nativeAt(from, fromByte, bytes),
                MemorySegment.ofArray(to).asSlice((long) toIndex * Integer.BYTES, bytes), bytes);
    }

    @Override
    public void put(double[] from, int fromIndex, BufferViews to, int toByte, int bytes) {
        if (bytes < MemoryAccess.MEMCPY_MIN_BYTES || to.address == 0) {
            super.put(from, fromIndex, to, toByte, bytes);
            return;
        }
        heapToNative(MemorySegment.ofArray(from).asSlice((long) fromIndex * Double.BYTES, bytes),
                nativeAt(to, toByte, bytes), bytes);
    }

    @Override
    public void get(BufferViews from, int fromByte, double[] to, int toIndex, int bytes) {
        if (bytes < MemoryAccess.MEMCPY_MIN_BYTES || from.address == 0) {
            super.get(from, fromByte, to, toIndex, bytes);
            return;
        }
        nativeToHeap(nativeAt(from, fromByte, bytes),
                MemorySegment.ofArray(to).asSlice((long) toIndex * Double.BYTES, bytes), bytes);
    }

    @Override
    public void put(ByteBuffer from, long fromAddress, int fromByte, BufferViews to, int toByte, int bytes) {
        if (bytes < MemoryAccess.MEMCPY_MIN_BYTES || fromAddress == 0 || to.address == 0) {
            super.put(from, fromAddress, fromByte, to, toByte, bytes);
            return;
        }
        Objects.checkFromIndexSize(fromByte, bytes, from.capacity());
        nativeToNative(fromAddress + fromByte, nativeAt(to, toByte, bytes), bytes);
    }

    @Override
    public void get(BufferViews from, int fromByte, ByteBuffer to, long toAddress, int toByte, int bytes) {
        // A read-only buffer takes Java's path, which refuses it.
        if (bytes < MemoryAccess.MEMCPY_MIN_BYTES || toAddress == 0 || from.address == 0 || to.isReadOnly()) {
            super.get(from, fromByte, to, toAddress, toByte, bytes);
            return;
        }
        Objects.checkFromIndexSize(toByte, bytes, to.capacity());
        nativeToNative(nativeAt(from, fromByte, bytes), toAddress + toByte, bytes);
    }

    private static long nativeAt(BufferViews views, int index, int bytes) {
        Objects.checkFromIndexSize(index, bytes, views.capacity());
        return views.address + index;
    }

    private static void nativeToNative(long from, long to, int bytes) {
        try {
            NATIVE_TO_NATIVE.invokeExact(to, from, (long) bytes);
        } catch (Throwable t) {
            throw new IllegalStateException("shm: memcpy failed", t);
        }
    }

    private static void heapToNative(MemorySegment from, long to, int bytes) {
        try {
            HEAP_TO_NATIVE.invokeExact(to, from, (long) bytes);
        } catch (Throwable t) {
            throw new IllegalStateException("shm: memcpy failed", t);
        }
    }

    private static void nativeToHeap(long from, MemorySegment to, int bytes) {
        try {
            NATIVE_TO_HEAP.invokeExact(to, from, (long) bytes);
        } catch (Throwable t) {
            throw new IllegalStateException("shm: memcpy failed", t);
        }
    }
}

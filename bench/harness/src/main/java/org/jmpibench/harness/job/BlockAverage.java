package org.jmpibench.harness.job;

import java.nio.DoubleBuffer;
import java.nio.IntBuffer;

/**
 * gather-average's middle phase: the element-wise average of {@code np} gathered blocks of {@code n} ints, as doubles,
 * summed in rank order (bit for bit {@link DataPattern#average}).
 *
 * <p>Written to cost what the arithmetic costs, so that gather-average is its gather, this and its bcast:
 *
 * <ul>
 *   <li>Chunked: {@value #CHUNK} elements at a time, all ranks' blocks, before the next chunk. The sums of a chunk (16
 *       KiB of doubles) stay in the L1 cache while each rank's part streams past once, instead of np + 2 passes over
 *       the whole average (2 MiB at 256 Ki elements, more than an L2 cache).
 *   <li>Plain counted loops over arrays, which the JIT unrolls and vectorises (int to double conversion, add, divide).
 *   <li>Direct buffers are never read or written element by element (each {@code get(i)} / {@code put(i)} is a bounds
 *       check and an unaligned access the JIT does not vectorise): each chunk is copied in bulk into a small
 *       preallocated array ({@code IntBuffer.get(index, int[], ...)}, a memory copy), averaged there, and copied out in
 *       bulk.
 * </ul>
 *
 * The division stays a division (not a multiplication by 1/np): the result must equal the reference bit for bit.
 */
final class BlockAverage {

    /** Elements per chunk: 8 KiB of ints and 16 KiB of doubles, within a 32 KiB L1 data cache. */
    static final int CHUNK = 2048;

    private final int np;
    private final int n;
    private final double divisor;
    /** Chunk buffers of the direct path; never allocated per operation. */
    private final int[] ints;

    private final double[] sums;

    BlockAverage(int np, int n, boolean direct) {
        if (np < 1 || n < 1) {
            throw new IllegalArgumentException("np and n must be positive, got " + np + " and " + n);
        }
        this.np = np;
        this.n = n;
        this.divisor = np;
        this.ints = direct ? new int[Math.min(CHUNK, n)] : null;
        this.sums = direct ? new double[Math.min(CHUNK, n)] : null;
    }

    /** {@code average[i] = (all[i] + all[n + i] + ... + all[(np-1) n + i]) / np}. */
    void average(int[] all, double[] average) {
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            for (int i = start; i < end; i++) {
                average[i] = all[i];
            }
            for (int r = 1; r < np; r++) {
                int base = r * n;
                for (int i = start; i < end; i++) {
                    average[i] += all[base + i];
                }
            }
            for (int i = start; i < end; i++) {
                average[i] /= divisor;
            }
        }
    }

    /** The same on direct buffers, through the chunk arrays (absolute bulk copies; positions untouched). */
    void average(IntBuffer all, DoubleBuffer average) {
        int[] chunk = ints;
        double[] sum = sums;
        for (int start = 0; start < n; start += CHUNK) {
            int length = Math.min(CHUNK, n - start);
            all.get(start, chunk, 0, length);
            for (int i = 0; i < length; i++) {
                sum[i] = chunk[i];
            }
            for (int r = 1; r < np; r++) {
                all.get(r * n + start, chunk, 0, length);
                for (int i = 0; i < length; i++) {
                    sum[i] += chunk[i];
                }
            }
            for (int i = 0; i < length; i++) {
                sum[i] /= divisor;
            }
            average.put(start, sum, 0, length);
        }
    }
}

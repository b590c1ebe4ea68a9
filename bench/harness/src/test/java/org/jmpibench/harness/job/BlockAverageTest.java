package org.jmpibench.harness.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chunked average equals the reference (summed in rank order) bit for bit, on arrays and direct buffers. */
class BlockAverageTest {

    @ParameterizedTest
    @CsvSource({"2,1", "2,2047", "3,2048", "4,2049", "5,10000", "2,262144"})
    void averagesLikeTheReferenceOnArraysAndDirectBuffers(int np, int n) {
        int seq = 17;
        int[] all = new int[np * n];
        for (int r = 0; r < np; r++) {
            for (int i = 0; i < n; i++) {
                all[r * n + i] = DataPattern.value(seq, r, i);
            }
        }
        double[] fromArrays = new double[n];
        new BlockAverage(np, n, false).average(all, fromArrays);

        IntBuffer gathered = ByteBuffer.allocateDirect(4 * np * n)
                .order(ByteOrder.nativeOrder())
                .asIntBuffer();
        gathered.put(0, all);
        DoubleBuffer fromDirect =
                ByteBuffer.allocateDirect(8 * n).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        new BlockAverage(np, n, true).average(gathered, fromDirect);

        for (int i = 0; i < n; i++) {
            double expected = DataPattern.average(seq, np, i);
            assertThat(Double.compare(fromArrays[i], expected))
                    .as("array element %d", i)
                    .isZero();
            assertThat(Double.compare(fromDirect.get(i), expected))
                    .as("direct element %d", i)
                    .isZero();
        }
        assertThat(gathered.position())
                .as("absolute copies leave the views' positions")
                .isZero();
        assertThat(fromDirect.position()).isZero();
    }
}

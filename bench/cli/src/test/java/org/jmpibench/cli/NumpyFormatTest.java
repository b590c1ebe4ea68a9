package org.jmpibench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumpyFormatTest {

    @Test
    void printsLikeNumpy() {
        assertThat(NumpyFormat.ints(new int[] {0, 1, 2})).isEqualTo("[0 1 2]");
        assertThat(NumpyFormat.rows(new int[] {0, 0, 1, 1}, 2)).isEqualTo("[[0 0]\n [1 1]]");
        assertThat(NumpyFormat.rows(new int[] {0, 0, 10, 10}, 2)).isEqualTo("[[ 0  0]\n [10 10]]");
        assertThat(NumpyFormat.ints(new int[] {0, 10, 100})).isEqualTo("[  0  10 100]");
        assertThat(NumpyFormat.doubles(new double[] {1.5, 1.5})).isEqualTo("[1.5 1.5]");
        assertThat(NumpyFormat.doubles(new double[] {1.0, 0.0})).isEqualTo("[1. 0.]");
    }
}

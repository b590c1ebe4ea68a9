package org.jmpibench.mpjexpress;

import mpi.Datatype;
import mpi.MPI;

/** The Java arrays MPJ Express takes, with the MPJ datatype of their elements. */
enum ArrayKind {
    INT(Integer.BYTES),
    DOUBLE(Double.BYTES),
    BYTE(1);

    final int elementBytes;

    ArrayKind(int elementBytes) {
        this.elementBytes = elementBytes;
    }

    /** Asked at each call: under smpdev every rank has its own class loader, hence its own {@code MPI.INT}. */
    Datatype datatype() {
        return switch (this) {
            case INT -> MPI.INT;
            case DOUBLE -> MPI.DOUBLE;
            case BYTE -> MPI.BYTE;
        };
    }

    Object newArray(int length) {
        return switch (this) {
            case INT -> new int[length];
            case DOUBLE -> new double[length];
            case BYTE -> new byte[length];
        };
    }

    static int length(Object array) {
        return array instanceof int[] ints
                ? ints.length
                : array instanceof double[] doubles ? doubles.length : ((byte[]) array).length;
    }
}

package org.jmpibench.spi;

/**
 * The element-wise reductions of {@link Communicator#allreduce}, {@link Communicator#reduce} and
 * {@link Communicator#reduceScatter} (MPI_SUM, MPI_MIN, MPI_MAX). All three are associative and commutative, so a
 * backend may combine contributions in any order; for doubles, {@link #SUM} may then differ from a left-to-right sum in
 * the last bits, as in MPI.
 */
public enum ReduceOp {
    SUM,
    MIN,
    MAX;

    /** {@code a op b} for ints; {@link #SUM} wraps on overflow, as Java's {@code +} and MPI_SUM on MPI_INT do. */
    public int apply(int a, int b) {
        return switch (this) {
            case SUM -> a + b;
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
        };
    }

    /** {@code a op b} for doubles. */
    public double apply(double a, double b) {
        return switch (this) {
            case SUM -> a + b;
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
        };
    }
}

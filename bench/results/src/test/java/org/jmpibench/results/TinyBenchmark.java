package org.jmpibench.results;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A benchmark that exists only so that {@link RealJmhRun} can make JMH write a real result file; what it times does not
 * matter, and no test looks at its figures.
 */
@State(Scope.Benchmark)
public class TinyBenchmark {

    @Param({"2", "64"})
    public int size;

    @Benchmark
    public void spin() {
        Blackhole.consumeCPU(size);
    }
}

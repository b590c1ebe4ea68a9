package org.jmpibench.harness;

import org.jmpibench.results.Root;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A benchmark of a rooted collective ({@link org.jmpibench.results.Operation#rooted()}): bcast, gather, gather-average,
 * reduce, scatter. Only these have the {@code root} parameter, so the results of the others never carry a root that
 * means nothing for them.
 */
@State(Scope.Benchmark)
public abstract class RootedBenchmark extends LeaderBenchmark {

    /**
     * The root ({@link Root}): a rank of the job, or {@code rotate} (the root changes with every operation, as Intel's
     * IMB does it); {@value Root#NEUTRAL}, the seed's, is neutral. The score stays rank 0's time.
     */
    @Param(Root.NEUTRAL)
    public String root;

    @Override
    protected String root() {
        return root;
    }
}

package org.jmpibench.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jmpibench.results.BenchmarkResult;
import org.jmpibench.results.Metric;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.jmpibench.results.ScoreUnit;

/**
 * Synthetic A/B runs for tests: blocks of four forks in {@link BlockDesign}'s order, each fork five iterations of every
 * benchmark, a fork's level drawn from a noise model the test chooses (the machine's fork-to-fork noise), head's
 * benchmarks scaled by planted ratios.
 */
final class AbFixture {

    /** A benchmark of the fixture: send on a backend at a size, avgt in us/op, centred on {@code us}. */
    record Bench(String backend, int size, double us) {
        Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put(Param.BACKEND.jmhName(), backend);
            params.put(Param.NP.jmhName(), "2");
            params.put(Param.SIZE.jmhName(), Integer.toString(size));
            return params;
        }
    }

    /** The four benchmarks of the CI matrix's shape. */
    static final List<Bench> FOUR = List.of(
            new Bench("loopback", 1, 12),
            new Bench("loopback", 1024, 20),
            new Bench("shm", 1, 0.5),
            new Bench("shm", 1024, 1.5));

    /** Fork-to-fork noise: a log-scale offset per fork. */
    interface Noise {
        double next(SplittableRandom random);
    }

    /** Normal on the log scale with this standard deviation. */
    static Noise normal(double sd) {
        return random -> sd * random.nextGaussian();
    }

    /**
     * Uniform on the log scale within {@code ±half}: bounded, so no fork is ever far enough out to be an outlier
     * ({@link OutlierForks}: 3 x 1.4826 x MAD is about 2.2 x half), for tests that count the pairs kept.
     */
    static Noise uniform(double half) {
        return random -> half * (2 * random.nextDouble() - 1);
    }

    /**
     * {@code base}, and now and then a fork in the machine's slow state: with probability {@code slowShare} the fork is
     * {@code slowFactor} times slower (as about one shm fork in eight was 3-4x here, by where the host put the vCPUs).
     */
    static Noise placement(double slowShare, double slowFactor, Noise base) {
        double slow = Math.log(slowFactor);
        return random -> base.next(random) + (random.nextDouble() < slowShare ? slow : 0);
    }

    /** Student t with 3 degrees of freedom (heavy tails: a fork now and then far off), scaled. */
    static Noise heavy(double scale) {
        return random -> {
            double chi2 = 0;
            for (int i = 0; i < 3; i++) {
                chi2 += Math.pow(random.nextGaussian(), 2);
            }
            return scale * random.nextGaussian() / Math.sqrt(chi2 / 3);
        };
    }

    final List<BlockedComparison.Fork> forks = new ArrayList<>();
    final List<BenchmarkResult> baseMerged = new ArrayList<>();
    final List<BenchmarkResult> headMerged = new ArrayList<>();

    AbFixture(List<Bench> benches, Map<Bench, Double> planted, int blocks, Noise shared, Noise own, long seed) {
        this(benches, planted, blocks, 0, shared, own, seed);
    }

    /**
     * @param planted head's ratio per benchmark (absent: 1)
     * @param driftPerFork how much slower (log scale) the machine gets with every fork: a steady drift
     * @param shared noise every benchmark of a fork shares (where its job's ranks were placed), on top of each
     *     benchmark's own
     */
    AbFixture(
            List<Bench> benches,
            Map<Bench, Double> planted,
            int blocks,
            double driftPerFork,
            Noise shared,
            Noise own,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int forkNumber = 0;
        Map<Bench, List<double[]>> baseRaw = new LinkedHashMap<>();
        Map<Bench, List<double[]>> headRaw = new LinkedHashMap<>();
        for (int block = 0; block < blocks; block++) {
            List<AbSide> order = BlockDesign.order(block);
            for (int position = 0; position < order.size(); position++) {
                AbSide side = order.get(position);
                double machine = driftPerFork * forkNumber++ + shared.next(random);
                List<BenchmarkResult> results = new ArrayList<>();
                for (Bench bench : benches) {
                    double ratio = side == AbSide.HEAD ? planted.getOrDefault(bench, 1.0) : 1.0;
                    double level = bench.us() * ratio * Math.exp(machine + own.next(random));
                    double[] iterations = new double[5];
                    for (int i = 0; i < iterations.length; i++) {
                        iterations[i] = level * (1 + 0.01 * random.nextGaussian());
                    }
                    results.add(result(bench, new double[][] {iterations}));
                    (side == AbSide.BASE ? baseRaw : headRaw)
                            .computeIfAbsent(bench, b -> new ArrayList<>())
                            .add(iterations);
                }
                forks.add(new BlockedComparison.Fork(block, position, side, results));
            }
        }
        baseRaw.forEach((bench, raw) -> baseMerged.add(result(bench, raw.toArray(new double[0][]))));
        headRaw.forEach((bench, raw) -> headMerged.add(result(bench, raw.toArray(new double[0][]))));
    }

    static BenchmarkResult result(Bench bench, double[][] raw) {
        double sum = 0;
        int n = 0;
        for (double[] fork : raw) {
            for (double v : fork) {
                sum += v;
                n++;
            }
        }
        Metric metric = new Metric(ScoreUnit.parse("us/op"), sum / n, Double.NaN, Double.NaN, Double.NaN, raw);
        return new BenchmarkResult(Operation.SEND.benchmarkName(), "avgt", bench.params(), metric, Map.of(), Map.of());
    }

    ComparisonReport compare(ComparisonOptions options) {
        return BlockedComparison.of(
                forks,
                new ComparisonReport.Side("base", null, null),
                new ComparisonReport.Side("head", null, null),
                baseMerged,
                headMerged,
                options);
    }

    /** {@code ab}'s defaults. */
    static ComparisonOptions abDefaults() {
        return new ComparisonOptions(BlockedComparison.DEFAULT_THRESHOLD, BlockedComparison.DEFAULT_ALPHA, false);
    }
}

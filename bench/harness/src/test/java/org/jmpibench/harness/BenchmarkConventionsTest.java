package org.jmpibench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Stream;
import org.jmpibench.results.Operation;
import org.jmpibench.results.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** The benchmarks are what {@link Operation} and {@link Param}, the one owner of these names, say they are. */
class BenchmarkConventionsTest {

    @ParameterizedTest
    @EnumSource(Operation.class)
    void everyOperationHasItsBenchmarkMethodWithItsMessagesPerCall(Operation op) throws Exception {
        Class<?> benchmark = Class.forName(op.benchmarkClass());
        Method method = benchmark.getMethod(op.benchmarkMethod());
        LeaderBenchmark instance =
                (LeaderBenchmark) benchmark.getDeclaredConstructor().newInstance();

        assertThat(method.isAnnotationPresent(Benchmark.class)).isTrue();
        OperationsPerInvocation declared = method.getAnnotation(OperationsPerInvocation.class);
        assertThat(declared == null ? 1 : declared.value()).isEqualTo(op.messagesPerInvocation());
        assertThat(instance.operation()).isEqualTo(op);
        assertThat(benchmark.getPackageName()).isEqualTo(Operation.BENCHMARK_PACKAGE);
        assertThat(RootedBenchmark.class.isAssignableFrom(benchmark))
                .as("has the root parameter")
                .isEqualTo(op.rooted());
    }

    @Test
    void theBenchmarksParametersAreExactlyTheKnownOnes() {
        assertThat(Arrays.stream(RootedBenchmark.class.getFields())
                        .filter(f -> f.isAnnotationPresent(org.openjdk.jmh.annotations.Param.class))
                        .map(Field::getName))
                .containsExactlyInAnyOrder(
                        Arrays.stream(Param.values()).map(Param::jmhName).toArray(String[]::new));
        assertThat(Arrays.stream(LeaderBenchmark.class.getFields())
                        .filter(f -> f.isAnnotationPresent(org.openjdk.jmh.annotations.Param.class))
                        .map(Field::getName))
                .as("every parameter but the root is every benchmark's")
                .doesNotContain(Param.ROOT.jmhName())
                .hasSize(Param.values().length - 1);
    }

    @Test
    void aForkOnAnotherJdkThanItsParameterNamesRefusesToRun() {
        LeaderBenchmark benchmark = new PingPong();
        benchmark.jdk = Integer.toString(Runtime.version().feature() + 1);

        assertThatThrownBy(benchmark::joinJob)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runs on Java " + Runtime.version())
                .hasMessageContaining("(" + benchmark.jdk + ")");
    }

    static Stream<Param> paramsWithANeutralValue() {
        return Arrays.stream(Param.values())
                .filter(param -> param.neutralValue().isPresent());
    }

    @ParameterizedTest
    @MethodSource("paramsWithANeutralValue")
    void aNeutralValueIsTheBenchmarksDefault(Param param) throws Exception {
        org.openjdk.jmh.annotations.Param field =
                RootedBenchmark.class.getField(param.jmhName()).getAnnotation(org.openjdk.jmh.annotations.Param.class);
        assertThat(field.value()).containsExactly(param.neutralValue().orElseThrow());
    }
}

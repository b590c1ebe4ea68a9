/**
 * The regression gates and the one model of a comparison: {@link org.jmpibench.regression.ComparisonReport} (rows,
 * sides with their contexts, method, warnings) rendered by {@link org.jmpibench.regression.TextTableReport},
 * {@link org.jmpibench.regression.MarkdownReport} and {@link org.jmpibench.regression.JsonReport}. A stored baseline is
 * compared by {@link org.jmpibench.regression.Comparison} (Mann-Whitney U on iterations,
 * {@link org.jmpibench.regression.CompareCommand}); an A/B run's blocks of forks by
 * {@link org.jmpibench.regression.BlockedComparison} (Hodges–Lehmann ratio with a signed-rank interval). The {@code ab}
 * command is in {@code .ab}, {@code history} in {@code .history}.
 */
package org.jmpibench.regression;

/**
 * {@code jmpi-bench history}: many runs in commit order, a trend chart per benchmark, step changes by E-divisive means
 * ({@link org.jmpibench.regression.history.EDivisive}); {@link org.jmpibench.regression.history.HistoryCommand} is the
 * command line.
 */
package org.jmpibench.regression.history;

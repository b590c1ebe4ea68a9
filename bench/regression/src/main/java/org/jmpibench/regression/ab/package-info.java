/**
 * {@code jmpi-bench ab}: builds two revisions (a git worktree each, cached by commit; the work tree in place), measures
 * them together in ABBA/BAAB blocks of {@code bench -f 1} forks, and writes both sides as JMH JSON and the comparison;
 * {@link org.jmpibench.regression.ab.AbCommand} is the command line.
 */
package org.jmpibench.regression.ab;

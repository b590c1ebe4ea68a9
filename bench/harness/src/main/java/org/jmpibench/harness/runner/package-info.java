/**
 * The {@code bench} command: settings and profiles, one JMH run per (backend, idle, np) group through a wrapper script
 * and {@link org.jmpibench.harness.runner.ForkLauncher} (a JMH fork becomes a job), progress lines with the time left
 * ({@link org.jmpibench.harness.runner.RunProgress}), the end-of-run table (the report's {@code OsuTable}) and saving
 * the run's files ({@link org.jmpibench.harness.runner.RunSaver}).
 */
package org.jmpibench.harness.runner;

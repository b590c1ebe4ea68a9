package org.jmpibench.harness;

/**
 * A (backend, np) group whose run stopped: which benchmark was running when it did (empty when none had
 * started) and why, in the job launcher's words (naming backend and rank) when it said so.
 */
public record FailedJob(String backend, int np, String benchmark, String params, String reason) {
}

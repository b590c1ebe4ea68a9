package org.jmpibench.spi;

import java.util.Locale;

/**
 * How a backend's ranks wait for a peer: part of a job's {@link JobSpec}, and a benchmark parameter ({@code --idle}).
 * The names are backend-neutral; each {@link Backend} says which it supports ({@link Backend#idleStrategies()}) and
 * maps them to its own mechanism (its launcher sets that up for every rank).
 */
public enum Idle {
    /** Whatever the backend does when nothing is set (and whatever the caller's environment says). */
    DEFAULT,
    /** Busy-spin while waiting: lowest latency when every rank has a core, a disaster when they share one. */
    SPIN,
    /** Spin briefly, then hand the core over with {@link Thread#yield()}. */
    YIELD,
    /** Spin briefly, then sleep or block in the kernel: frees the core, costs a wake-up per message. */
    BLOCK;

    /** Lower-case name as on the command line and in JMH's params. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the bad value */
    public static Idle byName(String name) {
        for (Idle idle : values()) {
            if (idle.cliName().equals(name.strip())) {
                return idle;
            }
        }
        throw new IllegalArgumentException("unknown idle strategy '" + name + "'; known: default, spin, yield, block");
    }
}

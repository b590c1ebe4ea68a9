package org.jmpibench.harness.runner;

import java.util.Locale;
import org.jmpibench.results.Param;

/**
 * How a backend's ranks wait for a peer, as a benchmark parameter ({@code --idle}, JMH {@code @Param idle}). The
 * names are backend-neutral; {@link IdleEnv} says what each means for a backend that has such a knob.
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

    /** {@code backend} for the default strategy, {@code backend/idle} otherwise: a column or progress label. */
    public String label(String backend) {
        return Param.variantLabel(backend, cliName());
    }
}

package org.jmpibench.spi;

import java.util.Objects;

/** Whether a backend can run on this machine: if so, its version; if not, one line that says what to install. */
public record Availability(boolean available, String version, String reason) {

    public Availability {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
    }

    public static Availability available(String version) {
        return new Availability(true, version, "");
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, "", reason);
    }
}

package org.jmpibench.harness.job;

/** How message data is held: a Java {@code int[]} or a direct {@link java.nio.ByteBuffer} (native order). */
public enum BufferKind {
    ARRAY("array"),
    DIRECT("direct");

    private final String cliName;

    BufferKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** @throws IllegalArgumentException naming the bad value */
    public static BufferKind byName(String name) {
        for (BufferKind kind : values()) {
            if (kind.cliName.equals(name.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown buffer kind '" + name + "'; known: array, direct");
    }
}

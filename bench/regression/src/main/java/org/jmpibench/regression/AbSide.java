package org.jmpibench.regression;

import java.util.Locale;

/** The two sides of an A/B comparison: the reference ({@code base}, A) and the change under test ({@code head}, B). */
public enum AbSide {
    BASE,
    HEAD;

    /** {@code base} or {@code head}, as reports and file names call it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

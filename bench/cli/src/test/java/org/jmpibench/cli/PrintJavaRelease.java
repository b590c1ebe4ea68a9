package org.jmpibench.cli;

/** A rank program for tests: prints the feature release of the JVM it runs on. */
public final class PrintJavaRelease {

    private PrintJavaRelease() {}

    public static void main(String[] args) {
        System.out.println("java " + Runtime.version().feature());
    }
}

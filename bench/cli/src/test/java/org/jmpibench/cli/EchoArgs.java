package org.jmpibench.cli;

/** A rank program for tests: prints its arguments, one per line (run it with one rank). */
public final class EchoArgs {

    private EchoArgs() {}

    public static void main(String[] args) {
        for (String arg : args) {
            System.out.println("arg: " + arg);
        }
        System.out.flush();
    }
}

package org.jmpibench.launcher;

/** A process's exit status in words; above 128 is how a JVM (and a shell) reports death by a signal. */
public final class ExitStatus {

    private ExitStatus() {}

    /** "exited with status 3", "was killed by signal 9 (SIGKILL) (exit status 137)". */
    public static String describe(int status) {
        if (isSignal(status)) {
            int signal = status - 128;
            return "was killed by signal " + signal + signalName(signal) + " (exit status " + status + ")";
        }
        return "exited with status " + status;
    }

    /** Whether {@code status} says the process was killed by a signal. */
    public static boolean isSignal(int status) {
        return status > 128 && status < 128 + 65;
    }

    /** " (SIGKILL)" and the like for the signals a job meets, else empty. */
    public static String signalName(int signal) {
        return switch (signal) {
            case 9 -> " (SIGKILL)";
            case 15 -> " (SIGTERM)";
            case 6 -> " (SIGABRT)";
            case 11 -> " (SIGSEGV)";
            case 2 -> " (SIGINT)";
            default -> "";
        };
    }
}

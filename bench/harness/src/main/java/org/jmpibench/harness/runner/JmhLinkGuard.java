package org.jmpibench.harness.runner;

import org.openjdk.jmh.runner.link.BinaryLinkServer;

/**
 * Stops a run whose JMH link port was reached by a stranger, at once and with one line, instead of after minutes with a
 * JMH stack trace.
 *
 * <p>JMH 1.37's {@link BinaryLinkServer} (one per {@code Runner}, in this JVM, on 127.0.0.1) serves one connection at a
 * time and trusts whoever connects: the first connection becomes "the" fork. When a second one arrives while the first
 * is registered (a stranger before the fork, or during it), its acceptor thread dies with {@code IllegalStateException:
 * The handler is already registered} and stops listening: the real fork then waits forever for JMH's handshake, or the
 * next fork cannot connect, and JMH waits for the stranger's connection to close. We cannot change JMH, so we watch for
 * that death and call the given action.
 */
final class JmhLinkGuard implements Thread.UncaughtExceptionHandler, AutoCloseable {

    private static final String ACCEPTOR = BinaryLinkServer.class.getName() + "$Acceptor";

    private final Thread.UncaughtExceptionHandler previous;
    private final Runnable onStranger;

    private JmhLinkGuard(Thread.UncaughtExceptionHandler previous, Runnable onStranger) {
        this.previous = previous;
        this.onStranger = onStranger;
    }

    /**
     * Runs {@code onStranger} (on JMH's dying acceptor thread) when a stranger breaks JMH's link, until the guard is
     * closed; every other uncaught exception goes where it went before.
     */
    static JmhLinkGuard watch(Runnable onStranger) {
        JmhLinkGuard guard = new JmhLinkGuard(Thread.getDefaultUncaughtExceptionHandler(), onStranger);
        Thread.setDefaultUncaughtExceptionHandler(guard);
        return guard;
    }

    @Override
    public void close() {
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        if (thread.getClass().getName().equals(ACCEPTOR) && e instanceof IllegalStateException) {
            onStranger.run();
        } else if (previous != null) {
            previous.uncaughtException(thread, e);
        } else {
            // What the JVM prints when nobody handles it (the thread group would only call us again).
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace(System.err);
        }
    }
}

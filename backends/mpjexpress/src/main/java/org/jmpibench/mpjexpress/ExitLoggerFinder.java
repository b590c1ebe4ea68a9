package org.jmpibench.mpjexpress;

import java.util.ResourceBundle;

/**
 * Stops {@code System.exit} in an smpdev rank on Java 24 and later, where no Security Manager can. The JDK logs every
 * {@code Runtime.exit} to the system logger {@code java.lang.Runtime} at level DEBUG, on the exiting thread, before the
 * shutdown starts and holding no lock (an implementation note of {@code Runtime.exit} since Java 21). This finder,
 * registered as the JVM's {@link System.LoggerFinder} through a service file that the smpdev launcher writes beside it,
 * answers that logger: when the exiting thread belongs to a rank it hands the call to
 * {@link SmpJobMonitor#rankCalledExit}, which either ends the job naming the rank (a non-zero status) or finishes that
 * rank and never returns (status 0), so the JVM does not exit under the other ranks.
 *
 * <p>Every other logger goes to {@code java.util.logging}, as the JDK's default finder does.
 */
public final class ExitLoggerFinder extends System.LoggerFinder {

    static final String RUNTIME_LOGGER = "java.lang.Runtime";
    /** The message of the Throwable the JDK logs with: {@code Runtime.exit(<status>)}. */
    private static final String EXIT_PREFIX = "Runtime.exit(";

    @Override
    public System.Logger getLogger(String name, Module module) {
        return RUNTIME_LOGGER.equals(name) ? new ExitLogger() : new JulLogger(java.util.logging.Logger.getLogger(name));
    }

    /** The status in {@code Runtime.exit(3)}, or null when the JDK logged something else. */
    static Integer statusOf(Throwable thrown) {
        String message = thrown == null ? null : thrown.getMessage();
        if (message == null || !message.startsWith(EXIT_PREFIX) || !message.endsWith(")")) {
            return null;
        }
        try {
            return Integer.parseInt(message.substring(EXIT_PREFIX.length(), message.length() - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Sees {@code Runtime.exit} calls; "loggable" only on rank threads, so other exits go ahead untouched. */
    private static final class ExitLogger implements System.Logger {
        @Override
        public String getName() {
            return RUNTIME_LOGGER;
        }

        @Override
        public boolean isLoggable(Level level) {
            return level == Level.DEBUG && SmpJobMonitor.isRankThread(Thread.currentThread());
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            Integer status = statusOf(thrown);
            if (status != null && isLoggable(level)) {
                SmpJobMonitor.rankCalledExit(status);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            // Runtime.exit logs with a Throwable; nothing else is logged here.
        }
    }

    /** A System.Logger over java.util.logging, as the JDK's own finder gives when java.logging is present. */
    private static final class JulLogger implements System.Logger {
        private final java.util.logging.Logger logger;

        JulLogger(java.util.logging.Logger logger) {
            this.logger = logger;
        }

        @Override
        public String getName() {
            return logger.getName();
        }

        @Override
        public boolean isLoggable(Level level) {
            return logger.isLoggable(jul(level));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            logger.logrb(jul(level), bundle, message, thrown);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            logger.logrb(jul(level), bundle, format, params);
        }

        private static java.util.logging.Level jul(Level level) {
            return switch (level) {
                case ALL -> java.util.logging.Level.ALL;
                case TRACE -> java.util.logging.Level.FINER;
                case DEBUG -> java.util.logging.Level.FINE;
                case INFO -> java.util.logging.Level.INFO;
                case WARNING -> java.util.logging.Level.WARNING;
                case ERROR -> java.util.logging.Level.SEVERE;
                case OFF -> java.util.logging.Level.OFF;
            };
        }
    }
}

package org.jmpibench.launcher;

import java.util.Map;

/**
 * What a backend runs beside its ranks for the length of one job: a rendezvous server, a shared-memory file. Opened
 * before the ranks start, closed after the last one has ended (also when the job failed).
 */
public interface JobSession extends AutoCloseable {

    /** Extra environment for rank {@code rank}. */
    Map<String, String> envFor(int rank);

    /** Releases what the session holds; must not throw. */
    @Override
    void close();

    /** A session that holds nothing. */
    static JobSession none() {
        return new JobSession() {
            @Override
            public Map<String, String> envFor(int rank) {
                return Map.of();
            }

            @Override
            public void close() {}
        };
    }
}

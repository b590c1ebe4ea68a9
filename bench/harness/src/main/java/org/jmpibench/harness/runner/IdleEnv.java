package org.jmpibench.harness.runner;

import java.util.Map;

/**
 * What an {@link Idle} strategy means for each backend: the environment variables that select it, added to the
 * job's {@code JobSpec.env} by {@link ForkLauncher} so every rank of the job (and the backend's launcher side)
 * sees them. Only our own backends have such a knob:
 * <table>
 *   <caption>Environment per backend and strategy</caption>
 *   <tr><th></th><th>spin</th><th>yield</th><th>block</th></tr>
 *   <tr><td>shm</td><td>JMPI_SHM_IDLE=spin</td><td>JMPI_SHM_IDLE=yield</td><td>JMPI_SHM_IDLE=park</td></tr>
 *   <tr><td>loopback, tcp</td><td>JMPI_LOOPBACK_IDLE=spin</td><td>JMPI_LOOPBACK_IDLE=spin-block (100 spins,
 *       100 000 yields, then block: the default)</td><td>JMPI_LOOPBACK_IDLE=spin-block,
 *       JMPI_LOOPBACK_YIELD_COUNT=0 (spins, then blocks in the selector)</td></tr>
 * </table>
 * tcp is loopback's code with sockets on a network interface: the same knobs.
 * {@link Idle#DEFAULT} sets nothing, so a run without {@code --idle} behaves exactly as before. Open MPI and MPJ
 * Express have no such knob: {@link BenchRunner} skips their non-default variants instead of running the same
 * thing under another name.
 */
final class IdleEnv {

    static final String SHM = "shm";
    static final String LOOPBACK = "loopback";
    static final String TCP = "tcp";

    private IdleEnv() {
    }

    /** Whether {@code idle} can be run on {@code backend}: the default always, the others where there is a knob. */
    static boolean supports(String backend, Idle idle) {
        return idle == Idle.DEFAULT || backend.equals(SHM) || backend.equals(LOOPBACK) || backend.equals(TCP);
    }

    /**
     * The variables selecting {@code idle} on {@code backend}; empty for {@link Idle#DEFAULT}.
     *
     * @throws IllegalArgumentException when the backend has no idle knob and {@code idle} is not the default
     */
    static Map<String, String> of(String backend, Idle idle) {
        if (idle == Idle.DEFAULT) {
            return Map.of();
        }
        return switch (backend) {
            case SHM -> Map.of("JMPI_SHM_IDLE", switch (idle) {
                case SPIN -> "spin";
                case YIELD -> "yield";
                default -> "park";
            });
            case LOOPBACK, TCP -> switch (idle) {
                case SPIN -> Map.of("JMPI_LOOPBACK_IDLE", "spin");
                case YIELD -> Map.of("JMPI_LOOPBACK_IDLE", "spin-block");
                default -> Map.of("JMPI_LOOPBACK_IDLE", "spin-block", "JMPI_LOOPBACK_YIELD_COUNT", "0");
            };
            default -> throw new IllegalArgumentException("backend " + backend + " has no idle strategy knob; idle="
                    + idle.cliName() + " cannot run on it");
        };
    }
}

/**
 * Process-per-rank jobs: starts one JVM per rank with the job's environment (on this host, or on the hosts of a
 * hostfile through a launch agent such as ssh), forwards their output, ends the whole job as soon as one rank fails or
 * the time limit passes, and leaves no process behind. Shared by the backends whose ranks are plain JVMs (loopback,
 * tcp, shm, MPJ Express niodev); the multi-host settings (hostfiles, interfaces, the agent) live here for every
 * backend, openmpi included.
 */
package org.jmpibench.launcher;

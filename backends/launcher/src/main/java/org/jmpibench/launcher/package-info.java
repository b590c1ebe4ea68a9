/**
 * Process-per-rank jobs: starts one JVM per rank with the job's environment, forwards their output, ends the
 * whole job as soon as one rank fails or the time limit passes, and leaves no process behind. Shared by the
 * backends whose ranks are plain JVMs (loopback, shm, MPJ Express niodev).
 */
package org.jmpibench.launcher;

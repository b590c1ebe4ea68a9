/**
 * The {@code shm} backend, pure Java: ranks are JVMs on one machine that talk through single-producer/
 * single-consumer rings in one memory-mapped file under {@code /dev/shm}, with acquire/release ordering through
 * {@link java.lang.invoke.VarHandle}s on the mapped buffers. No native pieces; needs only a writable tmpfs.
 */
package org.jmpibench.shm;

/**
 * The {@code shm} backend, pure Java: ranks are JVMs on one machine that talk through single-producer/ single-consumer
 * rings in one memory-mapped file under {@code /dev/shm}, with acquire/release ordering through
 * {@link java.lang.invoke.VarHandle}s on the mapped buffers. No native pieces of ours; needs only a writable tmpfs. On
 * Java 22+ it maps through the foreign-memory API and copies with libc's {@code memcpy}
 * ({@link org.jmpibench.shm.MemoryAccess}).
 */
package org.jmpibench.shm;

/**
 * MPJ Express 0.44 (Debian's {@code libmpj-java}, or an installation named by {@code $MPJ_HOME}) behind the
 * Communicator SPI, as two backends: {@code mpj-niodev}, one JVM per rank over NIO sockets, and {@code mpj-smpdev},
 * every rank a thread of one JVM with its own class loader. Pure Java, no native piece; the jars come from the
 * installation ({@code scripts/setup-mpj.sh}), never from this module's jar. MPJ's own launchers ({@code mpjrun}, the
 * daemon) are not used: they need fixed ports and hang when a rank dies.
 */
package org.jmpibench.mpjexpress;

/**
 * Black-box reliability tests of the real command line: each test starts {@code java -jar jmpi-bench.jar ...} as a
 * child process, provokes a fault (a signal, a rank that dies, bad input, a big load) and checks what a user would see
 * (exit status, the one-line message on stderr) and what a user would not want to find afterwards (processes, listening
 * sockets, {@code /dev/shm} files of the job).
 */
package org.jmpibench.reliability;

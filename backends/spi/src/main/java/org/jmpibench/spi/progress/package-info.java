/**
 * The progress board: a small memory-mapped file per job in which every rank publishes what it is doing (its step, the
 * communicator call it is inside and on whom that call waits), so that when a job fails the launcher can name the rank
 * that stopped making progress rather than the one that noticed.
 */
package org.jmpibench.spi.progress;

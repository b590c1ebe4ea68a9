/**
 * Collective algorithms written once over a backend's point-to-point layer
 * ({@link org.jmpibench.collectives.PointToPoint}), for our own backends (loopback and shm): recursive doubling, rings,
 * Bruck's allgather, binomial trees and pairwise exchange, chosen by message size and rank count in
 * {@link org.jmpibench.collectives.Algorithms}. Buffers are described by reusable
 * {@link org.jmpibench.collectives.Region}s; scratch space is allocated once and grows, so steady-state calls allocate
 * nothing.
 */
package org.jmpibench.collectives;

/*
 * The C twin of PingPongMicro: half round trip of one int between two ranks, plain MPI_Send/MPI_Recv,
 * same rounds and iterations, median and minimum over rounds. The floor the Java bindings are measured against.
 * Build and run: scripts/micro/openmpi-pingpong.sh
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

static int compare(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static double half_round_trip_us(int rank, int peer, int n, int *buf) {
    MPI_Barrier(MPI_COMM_WORLD);
    double start = MPI_Wtime();
    for (int i = 0; i < n; i++) {
        if (rank == 0) {
            MPI_Send(buf, 1, MPI_INT, peer, 0, MPI_COMM_WORLD);
            MPI_Recv(buf, 1, MPI_INT, peer, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        } else {
            MPI_Recv(buf, 1, MPI_INT, peer, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Send(buf, 1, MPI_INT, peer, 0, MPI_COMM_WORLD);
        }
    }
    return (MPI_Wtime() - start) * 1e6 / (2.0 * n);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size != 2) {
        if (rank == 0) fprintf(stderr, "needs exactly 2 ranks, got %d\n", size);
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    int rounds = argc > 1 ? atoi(argv[1]) : 101;
    int iterations = argc > 2 ? atoi(argv[2]) : 2000;
    int buf = 0;
    double *results = malloc(sizeof(double) * rounds);
    half_round_trip_us(rank, 1 - rank, 30000, &buf); /* warm-up, as in the Java twin */
    for (int round = 0; round < rounds; round++) {
        results[round] = half_round_trip_us(rank, 1 - rank, iterations, &buf);
    }
    if (rank == 0) {
        qsort(results, rounds, sizeof(double), compare);
        printf("%-30s %12s %12s\n", "C (same rounds)", "median (us)", "min (us)");
        printf("%-30s %12.3f %12.3f\n", "C MPI_Send/Recv int[1]", results[rounds / 2], results[0]);
    }
    free(results);
    MPI_Finalize();
    return 0;
}

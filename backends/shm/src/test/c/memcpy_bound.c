/*
 * The "two-copy bound" of issue 19: how long libc's memcpy takes to copy one message of <bytes> on this machine.
 * A shm send copies a message twice (sender into the ring, receiver out of it), so twice this time is the floor
 * of a shm ping-pong's half round trip for that size. Prints, like ShmPingPongMain:
 *   RESULT memcpy bytes=<bytes> min_us=<best run> median_us=<median run>   (per copy)
 * Usage: memcpy_bound [bytes=1048576] [runs=7] [copies-per-run=2000]. Build: cc -O2 -o memcpy_bound memcpy_bound.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    size_t bytes = argc > 1 ? strtoul(argv[1], NULL, 10) : 1048576;
    int runs = argc > 2 ? atoi(argv[2]) : 7;
    int copies = argc > 3 ? atoi(argv[3]) : 2000;
    char *a = aligned_alloc(4096, bytes), *b = aligned_alloc(4096, bytes);
    double *per_copy = malloc(sizeof(double) * runs);
    if (a == NULL || b == NULL || per_copy == NULL || runs < 1 || copies < 1) {
        fprintf(stderr, "memcpy_bound: bad arguments or no memory\n");
        return 2;
    }
    memset(a, 1, bytes);
    memset(b, 2, bytes);
    for (int run = -1; run < runs; run++) {          /* run -1 warms caches and TLBs, and is discarded */
        double start = now_us();
        for (int i = 0; i < copies; i++) {
            /* Alternate direction, as a ping-pong does, so no copy can be skipped as redundant. */
            if (i & 1) memcpy(a, b, bytes); else memcpy(b, a, bytes);
            __asm__ __volatile__("" : : "r"(a), "r"(b) : "memory");
        }
        if (run >= 0) per_copy[run] = (now_us() - start) / copies;
    }
    qsort(per_copy, runs, sizeof(double), by_value);
    printf("RESULT memcpy bytes=%zu min_us=%.3f median_us=%.3f\n", bytes, per_copy[0], per_copy[runs / 2]);
    free(a);
    free(b);
    free(per_copy);
    return 0;
}

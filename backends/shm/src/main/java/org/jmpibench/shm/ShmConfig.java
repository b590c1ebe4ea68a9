package org.jmpibench.shm;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jmpibench.spi.Idle;

/**
 * Every knob of the shm backend, read from the environment in one place, with its default beside its name. The
 * launcher-side session reads the ring geometry (it sizes the file); each rank reads the idle strategy.
 *
 * @param ringBytes bytes per ring, i.e. per ordered pair of ranks ({@value #RING_BYTES_ENV})
 * @param chunkBytes payload bytes per slot: the unit a large message is streamed in ({@value #CHUNK_BYTES_ENV})
 * @param idle how a waiting rank burns or yields its core ({@value #IDLE_ENV})
 * @param spins busy spins before the idle strategy yields or parks ({@value #SPINS_ENV})
 * @param directory where the shared file lives ({@value #DIR_ENV})
 * @param foreignMemory whether a rank on Java 22+ may map and copy through the foreign-memory API ({@value #FFM_ENV}:
 *     {@code auto}, the default, or {@code off}; see {@link MemoryAccess})
 */
record ShmConfig(long ringBytes, int chunkBytes, ShmIdle.Mode idle, int spins, Path directory, boolean foreignMemory) {

    static final String RING_BYTES_ENV = "JMPI_SHM_RING_BYTES";
    /**
     * 8 MiB per ordered pair: 1 MiB messages stream through a ring much larger than the caches, so the producer rarely
     * writes lines the consumer still holds (measured here, backends/shm/README.md: a larger ring is what helps 1 MiB
     * on Java 17). np=4 needs 12 rings = 96 MiB of /dev/shm. With 32 KiB chunks that is 255 slots.
     */
    static final long DEFAULT_RING_BYTES = 8L << 20;

    static final String CHUNK_BYTES_ENV = "JMPI_SHM_CHUNK_BYTES";
    /**
     * 32 KiB: a 64 KiB message streams as two chunks, so the receiver copies the first while the sender writes the
     * second; much smaller chunks pay a cache-line hand-off per chunk. Interleaved runs under load could not tell 16,
     * 32 and 64 KiB apart at 1 MiB.
     */
    static final int DEFAULT_CHUNK_BYTES = 32 << 10;

    static final String IDLE_ENV = "JMPI_SHM_IDLE";
    static final ShmIdle.Mode DEFAULT_IDLE = ShmIdle.Mode.YIELD;
    static final String SPINS_ENV = "JMPI_SHM_SPINS";
    static final int DEFAULT_SPINS = 100;
    static final String DIR_ENV = "JMPI_SHM_DIR";
    static final Path DEFAULT_DIR = Path.of("/dev/shm");
    static final String FFM_ENV = "JMPI_SHM_FFM";

    static final int MIN_SLOTS = 4;
    /** A ring is mapped as one buffer, and a Java buffer holds at most 2 GiB. */
    static final long MAX_RING_BYTES = 1L << 30;

    static final int MIN_CHUNK_BYTES = 64;

    ShmConfig {
        if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes % 8 != 0 || chunkBytes > (1 << 30)) {
            throw new IllegalArgumentException(CHUNK_BYTES_ENV + " must be a multiple of 8 between " + MIN_CHUNK_BYTES
                    + " and 1 GiB, got " + chunkBytes);
        }
        if (ringBytes > MAX_RING_BYTES) {
            throw new IllegalArgumentException(RING_BYTES_ENV + " must be at most 1 GiB, got " + ringBytes);
        }
        if (ringBytes / ShmLayoutDescriptor.slotStride(chunkBytes) < MIN_SLOTS) {
            throw new IllegalArgumentException(RING_BYTES_ENV + "=" + ringBytes + " holds fewer than " + MIN_SLOTS
                    + " chunks of " + CHUNK_BYTES_ENV + "=" + chunkBytes);
        }
        if (spins < 0) {
            throw new IllegalArgumentException(SPINS_ENV + " must be >= 0, got " + spins);
        }
    }

    static ShmConfig defaults() {
        return new ShmConfig(DEFAULT_RING_BYTES, DEFAULT_CHUNK_BYTES, DEFAULT_IDLE, DEFAULT_SPINS, DEFAULT_DIR, true);
    }

    /** Reads every knob through {@code env} (name -> value or null), falling back to the defaults. */
    static ShmConfig from(UnaryOperator<String> env) {
        String ring = env.apply(RING_BYTES_ENV);
        String chunk = env.apply(CHUNK_BYTES_ENV);
        String idle = env.apply(IDLE_ENV);
        String spins = env.apply(SPINS_ENV);
        String dir = env.apply(DIR_ENV);
        String ffm = env.apply(FFM_ENV);
        return new ShmConfig(
                blank(ring) ? DEFAULT_RING_BYTES : parseBytes(RING_BYTES_ENV, ring),
                blank(chunk) ? DEFAULT_CHUNK_BYTES : Math.toIntExact(parseBytes(CHUNK_BYTES_ENV, chunk)),
                blank(idle) ? DEFAULT_IDLE : ShmIdle.Mode.parse(idle),
                blank(spins) ? DEFAULT_SPINS : parseInt(SPINS_ENV, spins),
                blank(dir) ? DEFAULT_DIR : Path.of(dir),
                blank(ffm) || parseFfm(ffm));
    }

    /** What a job's {@link Idle} means here, as the variable that selects it (empty for the default). */
    static Map<String, String> idleEnv(Idle idle) {
        return switch (idle) {
            case DEFAULT -> Map.of();
            case SPIN -> Map.of(IDLE_ENV, "spin");
            case YIELD -> Map.of(IDLE_ENV, "yield");
            case BLOCK -> Map.of(IDLE_ENV, "park");
        };
    }

    /** Slots per ring: as many whole slots as fit in {@link #ringBytes}. */
    int slotCount() {
        long fit = ringBytes / ShmLayoutDescriptor.slotStride(chunkBytes);
        return (int) Math.min(fit, 1 << 30);
    }

    /** The effective configuration in one line, for logs. */
    String describe() {
        return RING_BYTES_ENV + "=" + ringBytes + " " + CHUNK_BYTES_ENV + "=" + chunkBytes + " (" + slotCount()
                + " slots) " + IDLE_ENV + "=" + idle.name().toLowerCase(Locale.ROOT) + " " + SPINS_ENV + "="
                + spins + " " + DIR_ENV + "=" + directory + " " + FFM_ENV + "=" + (foreignMemory ? "auto" : "off");
    }

    /** Bytes with an optional k/m/g suffix (binary units): {@code 65536}, {@code 64k}, {@code 8m}. */
    static long parseBytes(String name, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            v = v.substring(0, v.length() - 1);
        }
        try {
            long bytes = Math.multiplyExact(Long.parseLong(v), unit);
            if (bytes <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return bytes;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " is not a byte count (e.g. 65536, 64k, 8m): " + value);
        }
    }

    private static boolean parseFfm(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(FFM_ENV + " must be auto or off, got " + value);
        };
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package org.jmpibench.shm;

import java.lang.reflect.InvocationTargetException;
import java.nio.channels.FileChannel;

/**
 * How this rank maps the shared file and copies bulk data: chosen once per process, at run time, so the same jar runs
 * on Java 17 and takes the faster path on Java 22+.
 *
 * <ul>
 *   <li><b>Foreign memory</b>: on Java {@value #FOREIGN_MEMORY_FROM}+, where the classes of {@code src/main/java22}
 *       were built (the build needs a JDK &ge; 22: {@code scripts/setup-jdk.sh}) and {@value ShmConfig#FFM_ENV} is not
 *       {@code off}. The file is mapped in a shared {@code Arena} ({@code ArenaFileMapping}), unmapped when the rank
 *       closes its communicator. Copies of {@value #MEMCPY_MIN_BYTES} bytes and more call libc's {@code memcpy} through
 *       the foreign-function API, which writes into lines the other core holds 3-4x faster than HotSpot's copy loops
 *       (measured here: 1 MiB in 43 instead of 156 us, backends/shm/README.md). That call is "restricted": it is made
 *       only where native access is enabled for this code ({@code --enable-native-access=ALL-UNNAMED}, which the shm
 *       launcher gives ranks on 22+); elsewhere copies stay Java's, so no JVM ever warns or refuses.
 *   <li><b>Buffers</b> (Java 17's path, and the fallback): {@link BufferFileMapping} and {@link JavaBulkCopy}.
 * </ul>
 *
 * The layout, the ordering rules and the liveness locks are the same on both paths.
 */
final class MemoryAccess {

    /** The first Java with the foreign-memory API final, {@code FileChannel.map(..., Arena)} among it. */
    static final int FOREIGN_MEMORY_FROM = 22;
    /**
     * The smallest copy that calls {@code memcpy}: below it a foreign call's fixed cost (tens of ns) is a large share
     * of the copy, and a probe on the build machine measured the gain from 4 KiB chunks on.
     */
    static final int MEMCPY_MIN_BYTES = 4096;

    private static final String ARENA_MAPPING = "org.jmpibench.shm.ArenaFileMapping";
    private static final String MEMCPY_COPY = "org.jmpibench.shm.MemcpyBulkCopy";

    /** Why the foreign-memory path is not used here, or null when it is. */
    private static final String NOT_FOREIGN = whyNotForeign();
    /** Why copies are Java's even on the foreign-memory path, or null when they call memcpy. */
    private static final String NOT_MEMCPY = NOT_FOREIGN != null ? NOT_FOREIGN : whyNotMemcpy();
    /** The bulk copier of this process. */
    static final BulkCopy COPY = NOT_MEMCPY == null ? (BulkCopy) instance(MEMCPY_COPY, null) : new JavaBulkCopy();

    private MemoryAccess() {}

    /** A mapping of {@code channel}'s file on this process's path. */
    static FileMapping mapping(FileChannel channel) {
        return NOT_FOREIGN == null ? (FileMapping) instance(ARENA_MAPPING, channel) : new BufferFileMapping(channel);
    }

    /** The path in one line, e.g. for a benchmark's log: what maps, what copies, and why not faster. */
    static String describe() {
        if (NOT_FOREIGN != null) {
            return "mapped buffers, Java copies (" + NOT_FOREIGN + ")";
        }
        return NOT_MEMCPY == null
                ? "foreign memory, memcpy for copies >= " + MEMCPY_MIN_BYTES + " bytes"
                : "foreign memory, Java copies (" + NOT_MEMCPY + ")";
    }

    private static String whyNotForeign() {
        int feature = Runtime.version().feature();
        if (feature < FOREIGN_MEMORY_FROM) {
            return "Java " + feature + " < " + FOREIGN_MEMORY_FROM;
        }
        if (!foreignMemoryAllowed()) {
            return ShmConfig.FFM_ENV + "=off";
        }
        try {
            Class.forName(ARENA_MAPPING, false, MemoryAccess.class.getClassLoader());
            Class.forName(MEMCPY_COPY, false, MemoryAccess.class.getClassLoader());
            return null;
        } catch (ClassNotFoundException e) {
            return "this build has no Java " + FOREIGN_MEMORY_FROM + "+ classes: it found no JDK >= "
                    + FOREIGN_MEMORY_FROM + " to compile them (scripts/setup-jdk.sh)";
        }
    }

    /** A bad value fails the rank's join with one line (ShmConfig.from); here it only keeps the safe path. */
    private static boolean foreignMemoryAllowed() {
        try {
            return ShmConfig.from(System::getenv).foreignMemory();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code Module.isNativeAccessEnabled()} is Java 22 API: called reflectively from this Java 17 class. */
    private static String whyNotMemcpy() {
        try {
            Module module = MemoryAccess.class.getModule();
            boolean enabled =
                    (Boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(module);
            return enabled ? null : "native access is not enabled: --enable-native-access=ALL-UNNAMED";
        } catch (ReflectiveOperationException e) {
            return "cannot tell whether native access is enabled: " + e;
        }
    }

    private static Object instance(String className, FileChannel channel) {
        try {
            Class<?> type = Class.forName(className, true, MemoryAccess.class.getClassLoader());
            return channel == null
                    ? type.getDeclaredConstructor().newInstance()
                    : type.getDeclaredConstructor(FileChannel.class).newInstance(channel);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("shm: " + className + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("shm: cannot create " + className + ": " + e, e);
        }
    }
}

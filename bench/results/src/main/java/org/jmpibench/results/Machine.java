package org.jmpibench.results;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Facts about this machine that a run's context records: host name, CPU model, cores, memory. */
public final class Machine {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Path HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private Machine() {}

    /** The host name from the kernel, not DNS (there may be no resolver); {@code localhost} if unknown. */
    public static String hostName() {
        try {
            String name = Files.readString(HOSTNAME).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException notLinux) {
            // fall through to the environment
        }
        String env = System.getenv().getOrDefault("HOSTNAME", "");
        return env.isBlank() ? "localhost" : env;
    }

    /** The CPU's model name from {@code /proc/cpuinfo} (the first processor's), or null where there is none. */
    public static String cpuModel() {
        try {
            return cpuModel(Files.readAllLines(CPUINFO));
        } catch (IOException | RuntimeException notLinux) {
            return null;
        }
    }

    /** The model name in the lines of a {@code /proc/cpuinfo}; x86 says "model name", some ARM kernels "Model". */
    static String cpuModel(List<String> cpuinfo) {
        for (String key : List.of("model name", "Model", "cpu model")) {
            for (String line : cpuinfo) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
                    String value = line.substring(colon + 1).strip();
                    if (!value.isEmpty()) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Physical memory in bytes, or -1 where the JVM cannot tell. */
    public static long physicalMemoryBytes() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
            return bean.getTotalMemorySize();
        }
        return -1;
    }
}

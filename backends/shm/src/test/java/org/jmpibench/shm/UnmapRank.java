package org.jmpibench.shm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jmpibench.launcher.RankEnv;
import org.jmpibench.spi.Communicator;
import org.jmpibench.spi.Job;

/**
 * Rank program: counts this process's mappings of the job's shared file ({@code /proc/self/maps}) while attached and
 * after {@code close()}, and prints {@value #MAPPINGS}{@code <while> <after>}.
 */
public final class UnmapRank {

    static final String MAPPINGS = "MAPPINGS ";

    public static void main(String[] args) throws IOException {
        Communicator comm = Job.communicator();
        String file = ShmFiles.PREFIX + RankEnv.jobId();
        comm.send(new int[] {comm.rank()}, 0, 1, (comm.rank() + 1) % comm.size(), 1);
        comm.recv(new int[1], 0, 1, (comm.rank() + comm.size() - 1) % comm.size(), 1);
        long attached = mappingsOf(file);
        comm.close();
        System.out.println(MAPPINGS + attached + " " + mappingsOf(file));
        System.exit(0);
    }

    private static long mappingsOf(String file) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(line -> line.contains(file))
                .count();
    }
}

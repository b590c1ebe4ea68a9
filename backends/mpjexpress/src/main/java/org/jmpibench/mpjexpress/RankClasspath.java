package org.jmpibench.mpjexpress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * The application's part of a rank's class path: everything the program (and the leader) asked for, minus any jar or
 * directory that holds an MPI implementation's classes. Those come from the MPJ installation instead, in the place each
 * device needs them; a stray copy (the Maven copy of {@code mpj.jar} on a test class path, or Open MPI's
 * {@code mpi.jar}, which defines the same {@code mpi.MPI}) would shadow them or, under smpdev, be shared by every rank.
 */
final class RankClasspath {

    /** One class from each MPJ Express package, and Open MPI's {@code mpi.MPI}. */
    private static final List<String> MPI_CLASSES = List.of(
            "mpi/MPI.class",
            "mpjdev/MPJDev.class",
            "mpjbuf/Buffer.class",
            "xdev/Device.class",
            "runtime/starter/MulticoreStarter.class",
            "runtime/common/RTConstants.class");

    private RankClasspath() {}

    /**
     * The program's class path, then the leader's extra entries, without MPI classes or duplicates, made absolute: the
     * smpdev JVM runs in a work directory of its own.
     */
    static List<Path> applicationPart(List<Path> program, List<Path> leaderOrEmpty) {
        Set<Path> all = new LinkedHashSet<>();
        program.forEach(entry -> all.add(entry.toAbsolutePath()));
        leaderOrEmpty.forEach(entry -> all.add(entry.toAbsolutePath()));
        List<Path> kept = new ArrayList<>();
        for (Path entry : all) {
            if (!holdsMpiClasses(entry)) {
                kept.add(entry);
            }
        }
        return kept;
    }

    static boolean holdsMpiClasses(Path entry) {
        if (Files.isDirectory(entry)) {
            return MPI_CLASSES.stream().anyMatch(name -> Files.exists(entry.resolve(name)));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (ZipFile jar = new ZipFile(entry.toFile())) {
            return MPI_CLASSES.stream().anyMatch(name -> jar.getEntry(name) != null);
        } catch (IOException e) {
            return false;
        }
    }
}

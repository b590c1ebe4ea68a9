package org.jmpibench.shm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File handling: names, stale-file removal, how the session creates and removes a job's file. */
class ShmFilesTest {

    @TempDir
    Path dir;

    @Test
    void filesOfLaunchersThatAreGoneAreRemovedAndOthersKept() throws Exception {
        long deadPid = pidOfAFinishedProcess();
        String dead = Long.toHexString(deadPid);
        String alive = Long.toHexString(ProcessHandle.current().pid());
        Path staleJob = Files.createFile(dir.resolve(ShmFiles.PREFIX + dead + "-0a1b2c"));
        Path staleCreating =
                Files.createFile(dir.resolve(ShmFiles.PREFIX + dead + "-0a1b2d" + ShmFiles.CREATING_SUFFIX));
        Path live = Files.createFile(dir.resolve(ShmFiles.PREFIX + alive + "-0a1b2c"));
        Path notOurs = Files.createFile(dir.resolve("jmpi-other-" + dead + "-1"));
        Path noPid = Files.createFile(dir.resolve(ShmFiles.PREFIX + "zz-1"));

        assertThat(ShmFiles.removeStale(dir)).containsExactlyInAnyOrder(staleJob, staleCreating);

        assertThat(staleJob).doesNotExist();
        assertThat(staleCreating).doesNotExist();
        assertThat(live).exists();
        assertThat(notOurs).exists();
        assertThat(noPid).exists();
    }

    @Test
    void theLauncherPidIsReadFromTheJobIdInTheName() {
        assertThat(ShmFiles.launcherPid(ShmFiles.PREFIX + "1f2e-abcdef")).hasValue(0x1f2e);
        assertThat(ShmFiles.launcherPid(ShmFiles.PREFIX + "nohex-abcdef")).isEmpty();
        assertThat(ShmFiles.launcherPid("something-else-1f2e-ab")).isEmpty();
    }

    @Test
    void aSessionCleansUpStaleFilesAndMakesAnOwnerOnlyFileItDeletesOnClose() throws Exception {
        Path stale = Files.createFile(dir.resolve(ShmFiles.PREFIX + Long.toHexString(pidOfAFinishedProcess()) + "-00"));
        ShmConfig config = new ShmConfig(64 << 10, 4096, ShmIdle.Mode.YIELD, 100, dir, true);
        String jobId = Long.toHexString(ProcessHandle.current().pid()) + "-abc123";
        Path file;
        try (ShmJobSession session = ShmJobSession.create(3, jobId, config)) {
            file = session.file();
            assertThat(stale).as("stale file of a dead launcher").doesNotExist();
            assertThat(file).isEqualTo(dir.resolve(ShmFiles.PREFIX + jobId)).exists();
            assertThat(ShmFiles.creatingFile(dir, jobId)).as("temporary name").doesNotExist();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(Files.size(file)).isEqualTo(ShmSpace.requiredBytes(3, config));
            assertThat(session.envFor(1)).containsEntry(ShmJobSession.FILE_ENV, file.toString());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                var header = channel.map(FileChannel.MapMode.READ_ONLY, 0, ShmLayoutDescriptor.HEADER_BYTES)
                        .order(ByteOrder.nativeOrder());
                assertThat(header.getLong(ShmLayoutDescriptor.MAGIC_OFFSET)).isEqualTo(ShmLayoutDescriptor.MAGIC);
                assertThat(header.getInt(ShmLayoutDescriptor.NP_OFFSET)).isEqualTo(3);
                assertThat(header.getInt(ShmLayoutDescriptor.SLOT_COUNT_OFFSET)).isEqualTo(config.slotCount());
            }
        }
        assertThat(file).as("deleted when the session closes").doesNotExist();
    }

    private static long pidOfAFinishedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        long pid = process.pid();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        return pid;
    }
}

package org.jmpibench.shm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jmpibench.spi.CommunicatorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rank refuses files it must not join: no live creator, a job of another size. Joins happen on copies of a session's
 * file: a rank never runs in its launcher's JVM (one process cannot both hold the creator lock and probe it, and
 * closing a channel would drop the lock).
 */
class ShmAttachmentTest {

    @TempDir
    Path dir;

    @Test
    void aFileWhoseCreatorIsGoneIsRefusedAsStale() throws Exception {
        Path orphan = dir.resolve("orphan");
        try (ShmJobSession session = ShmJobSession.create(2, "1-abc", smallRings())) {
            // Same bytes, but nobody holds this copy's creator lock: as if the launcher had died.
            Files.copy(session.file(), orphan);
        }
        assertThatThrownBy(() -> ShmAttachment.join(orphan, 0, 2))
                .isInstanceOf(CommunicatorException.class)
                .hasMessageContaining("stale");
    }

    @Test
    void aFileMadeForAnotherNumberOfRanksIsRefused() throws Exception {
        Path copy = dir.resolve("three-ranks");
        try (ShmJobSession session = ShmJobSession.create(3, "1-abd", smallRings())) {
            Files.copy(session.file(), copy);
        }
        assertThatThrownBy(() -> ShmAttachment.join(copy, 0, 2))
                .isInstanceOf(CommunicatorException.class)
                .hasMessageContaining("made for 3 ranks");
    }

    @Test
    void aFileThatIsNotOursIsRefused() throws Exception {
        Path other = Files.write(dir.resolve("other"), new byte[8192]);
        assertThatThrownBy(() -> ShmAttachment.join(other, 0, 2))
                .isInstanceOf(CommunicatorException.class)
                .hasMessageContaining("not a version");
    }

    @Test
    void aRankOutsideTheJobIsMisuse() {
        try (ShmJobSession session = ShmJobSession.create(2, "1-abe", smallRings())) {
            assertThatThrownBy(() -> ShmAttachment.join(session.file(), 2, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rank 2");
        }
    }

    private ShmConfig smallRings() {
        return new ShmConfig(64 << 10, 4096, ShmIdle.Mode.YIELD, 100, dir, true);
    }
}

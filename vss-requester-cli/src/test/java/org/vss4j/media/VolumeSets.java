package org.vss4j.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.vss4j.BackupType;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupSessionBuilder;

/**
 * Sets of the whole simulated volume D:\ taken without writers (every file decided by ChangeDetection), for the media
 * tests that put their files on a simulated D:.
 */
final class VolumeSets {

    private VolumeSets() {
    }

    /** The session of such a set of {@code type}, building on {@code parent} when not null. */
    static BackupSessionBuilder session(BackupType type, ParentSet parent) {
        BackupSessionBuilder b = BackupSession.builder().volumes("D:\\").withoutWriters().type(type)
                .phaseTimeout(Duration.ofMinutes(1));
        return parent == null ? b : b.previous(parent.previous());
    }

    /**
     * A set of {@code type} named {@code id} into {@code media}, building on its set {@code parentId} when not null
     * (named rather than found).
     */
    static BackupSetInfo take(Path media, BackupType type, String id, String parentId) throws IOException {
        ParentSet parent = parentId == null ? null
                : BackupChain.parentSet(media, BackupSetReader.open(media).set(parentId));
        try (BackupSession s = session(type, parent).start()) {
            return SessionBackupSet.backUp(s, media, new BackupSetRequest(id, List.of("D:\\"), parent));
        }
    }
}

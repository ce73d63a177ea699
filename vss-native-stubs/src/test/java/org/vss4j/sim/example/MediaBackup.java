package org.vss4j.sim.example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vss4j.BackupType;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;
import org.vss4j.session.ItemKind;

/** A backup of one writer's components into a media directory, through {@link BackupSession}. */
public final class MediaBackup {

    /** Backs up every component of the writer named {@code writer} into {@code media}. */
    public static BackupResult backUp(String writer, Path media) throws IOException {
        try (BackupSession session = BackupSession.builder()
                .components(ComponentSelection.writer(writer))
                .type(BackupType.FULL)
                .phaseTimeout(Duration.ofMinutes(5))
                .start()) {
            List<String> links = new ArrayList<>();
            for (BackupItem item : session.items()) {
                try {
                    if (item.kind() == ItemKind.LINK) {
                        links.add(item.originalPath()); // a link, junction or mount point: recorded, never followed
                    } else {
                        Path copy = item.pathUnder(media); // C:\x -> media/C/x, \\?\Volume{..}\x -> media/Volume{..}/x
                        Files.createDirectories(copy.getParent());
                        Files.copy(item.inSnapshot(), copy);
                    }
                    session.saved(item);
                } catch (IOException e) {
                    session.failed(item, e);
                }
            }
            Files.write(media.resolve("links.txt"), links);
            // session.notTaken(): what cannot be backed up (a directory that denies access...), with the reason.
            BackupResult result = session.complete(); // SetBackupSucceeded per component, BackupComplete
            // Store the documents and the backup state with the data: VSS cannot give them back later.
            Files.writeString(media.resolve("backup-components.xml"), result.backupComponentsDocument());
            return result;
        }
    }
}

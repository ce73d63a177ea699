package org.vss4j.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vss4j.BackupType;
import org.vss4j.session.BackupState;
import org.vss4j.session.PreviousBackup;

/**
 * How backup sets chain: an incremental set builds on the newest complete full or incremental set of the same sources,
 * a differential set on the newest complete full set (Microsoft docs, "VSS Backup State": an incremental backup copies
 * what changed since the last full or incremental backup, a differential one since the last full backup).
 */
public final class BackupChain {

    private BackupChain() {
    }

    /**
     * The set a backup of {@code type} of {@code sources} builds on.
     *
     * @param media   the media directory
     * @param sources the sources as given on the command line ({@code D:\}, {@code D:\data}); compared as Windows
     *                compares paths (case-insensitively)
     * @param type    {@link BackupType#INCREMENTAL} or {@link BackupType#DIFFERENTIAL}
     * @return the newest complete set with the same sources whose type may precede {@code type}, or empty (also
     *         when {@code media} does not exist); partial and unconfirmed sets, copy and log sets are never parents
     * @throws IllegalArgumentException if {@code type} is neither incremental nor differential
     * @throws IOException if the media, a set's catalog or the parent's Backup Components Document cannot be read
     */
    public static Optional<ParentSet> parentFor(Path media, List<String> sources, BackupType type)
            throws IOException {
        if (type != BackupType.INCREMENTAL && type != BackupType.DIFFERENTIAL) {
            throw new IllegalArgumentException("only an incremental or differential backup builds on an earlier set, "
                    + "not a " + type.nativeName() + " backup");
        }
        if (!Files.isDirectory(media)) {
            return Optional.empty();
        }
        BackupSetReader reader = BackupSetReader.withoutSweep(media);
        List<String> wanted = sourceKey(sources);
        List<BackupSetInfo> sets = reader.list(); // oldest snapshot first
        for (int i = sets.size() - 1; i >= 0; i--) {
            BackupSetInfo s = sets.get(i);
            if (!"complete".equals(s.state()) || !mayPrecede(s.metadata().type(), type)
                    || !sourceKey(s.metadata().sources().stream().map(SetMetadata.Source::source).toList())
                            .equals(wanted)) {
                continue;
            }
            return Optional.of(parentSet(media, s));
        }
        return Optional.empty();
    }

    /**
     * Whether a set of type {@code parentType} ({@code full}, as the catalog records it) may precede a backup of
     * {@code next} type: an incremental one follows a full or incremental set, a differential one a full set (Microsoft
     * docs, "VSS Backup State"); a copy or log set precedes nothing.
     *
     * @param parentType the earlier set's type as its catalog records it
     * @param next       the new backup's type
     * @return whether {@code next} may build on it
     */
    public static boolean mayPrecede(String parentType, BackupType next) {
        return switch (next) {
            case INCREMENTAL -> "full".equals(parentType) || "incremental".equals(parentType);
            case DIFFERENTIAL -> "full".equals(parentType);
            default -> false;
        };
    }

    /** {@code set} as the parent of a backup, with what the session needs from it. */
    static ParentSet parentSet(Path media, BackupSetInfo set) throws IOException {
        return new ParentSet(set, previousOf(media, set));
    }

    /**
     * What the session needs from the parent: its stamps read back from its stored Backup Components Document, with
     * the type and time its catalog records; with no document (no writer took part) a basis without stamps.
     */
    private static PreviousBackup previousOf(Path media, BackupSetInfo s) throws IOException {
        SetMetadata m = s.metadata();
        BackupType type = BackupType.valueOf(m.type().toUpperCase(Locale.ROOT));
        BackupState state = new BackupState(type, m.bootableSystemState(), m.componentMode(), m.partialFileSupport());
        Path doc = media.resolve(s.setId()).resolve(MediaLayout.DOCUMENTS).resolve(MediaLayout.BACKUP_COMPONENTS);
        if (!Files.isRegularFile(doc)) {
            return new PreviousBackup(type, m.snapshotTime(), List.of());
        }
        return PreviousBackup.fromDocument(Files.readString(doc, StandardCharsets.UTF_8), state, m.snapshotTime());
    }

    /** The sources as Windows compares paths: case-insensitively, in any order (upper case, sorted). */
    private static List<String> sourceKey(List<String> sources) {
        List<String> out = new ArrayList<>();
        for (String s : sources) {
            out.add(s.toUpperCase(Locale.ROOT));
        }
        Collections.sort(out);
        return out;
    }
}

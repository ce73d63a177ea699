package org.vss4j.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;

/**
 * What is recorded in a set after it was published {@code unconfirmed}: the documents and outcome that exist only once
 * the writers were told the backup ended (the Backup Components Document is saved after {@code BackupComplete}), then
 * the final state. Each document is written and flushed before the state changes, and the state is one durable
 * commit; a failure leaves the set published and {@code unconfirmed}, never removed.
 */
final class PublishedSet implements AutoCloseable {

    /** The state of a set published before the writers were told the backup succeeded, or whose outcome is unknown. */
    static final String UNCONFIRMED = "unconfirmed";

    private final Path dir;
    private final Catalog catalog;
    private int failures;

    private PublishedSet(Path dir, Catalog catalog) {
        this.dir = dir;
        this.catalog = catalog;
    }

    static PublishedSet open(Path media, String setId) throws IOException {
        Path dir = media.resolve(MediaLayout.checkSetId(setId));
        return new PublishedSet(dir, Catalog.openForUpdate(dir.resolve(MediaLayout.CATALOG)));
    }

    void snapshotTaken(UUID snapshotSetId, Instant snapshotTime) throws IOException {
        catalog.put("snapshot_set_id", snapshotSetId == null ? null : snapshotSetId.toString());
        catalog.put("snapshot_time", snapshotTime == null ? null : snapshotTime.toString());
    }

    void addBackupComponentsDocument(String xml) throws IOException {
        write(dir.resolve(MediaLayout.DOCUMENTS).resolve(MediaLayout.BACKUP_COMPONENTS), xml);
    }

    void addWriterDocument(String writerInstanceId, String xml) throws IOException {
        String name = UUID.fromString(writerInstanceId).toString() + ".xml";
        write(dir.resolve(MediaLayout.DOCUMENTS).resolve(MediaLayout.WRITERS).resolve(name), xml);
    }

    void componentOutcome(ComponentRow c) throws IOException {
        catalog.addComponent(c);
    }

    void fileFailed(String originalPath, String writerName, String component, String reason) throws IOException {
        catalog.addFailure(originalPath, writerName, component, reason);
        failures++;
    }

    /** Commits everything with the state {@code complete}, or {@code partial} if a file failed; returns the state. */
    String confirm() throws IOException {
        MediaLayout.forceDirectory(dir.resolve(MediaLayout.DOCUMENTS).resolve(MediaLayout.WRITERS));
        MediaLayout.forceDirectory(dir.resolve(MediaLayout.DOCUMENTS));
        String state = failures == 0 ? "complete" : "partial";
        catalog.put("state", state);
        catalog.commit();
        return state;
    }

    private static void write(Path file, String xml) throws IOException {
        Files.createFile(file, MediaLayout.ownerOnlyFile());
        Files.writeString(file, xml, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        MediaLayout.force(file);
    }

    /** Closes the catalog; what was not committed is rolled back (the set stays {@code unconfirmed}). */
    @Override
    public void close() throws IOException {
        catalog.close();
    }
}

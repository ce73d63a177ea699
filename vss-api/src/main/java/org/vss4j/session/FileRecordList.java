package org.vss4j.session;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The {@link FileRecord}s of a backup ({@link BackupResult#files()}): one per item, in the items' order, then the
 * records of what the file list found but could not take. Each item's record is made when it is read, from the item
 * and what the caller reported ({@link ItemReports}), so a session of a million files holds no million records.
 * Read-only: the session no longer takes reports once it made this list.
 */
final class FileRecordList extends AbstractList<FileRecord> implements RandomAccess {

    private final BackupItemTable items;
    private final ItemReports reports;
    private final List<FileRecord> notTaken;

    FileRecordList(BackupItemTable items, ItemReports reports, List<FileRecord> notTaken) {
        this.items = items;
        this.reports = reports;
        this.notTaken = List.copyOf(notTaken);
    }

    @Override
    public FileRecord get(int index) {
        if (index >= items.size()) {
            return notTaken.get(index - items.size());
        }
        BackupItem i = items.get(index);
        String failure = reports.failure(index, BackupSession.NOT_REPORTED);
        return new FileRecord(i.writer(), i.component(), i.addedComponent(), i.originalPath(), i.fromAlternatePath(),
                failure == null, failure);
    }

    @Override
    public int size() {
        return items.size() + notTaken.size();
    }

    /** Whether record {@code index} is of a saved file, without making it. */
    boolean saved(int index) {
        return index < items.size() ? reports.saved(index) : notTaken.get(index - items.size()).saved();
    }

    /** The added component of record {@code index}, without making it. */
    ComponentRef addedComponent(int index) {
        return index < items.size() ? items.addedComponent(index) : notTaken.get(index - items.size())
                .addedComponent();
    }
}

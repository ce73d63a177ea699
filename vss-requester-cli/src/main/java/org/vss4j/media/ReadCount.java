package org.vss4j.media;

import java.util.Collection;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Counts the file entries of data.tar read through and tells a {@link ReadProgress} after each one. */
final class ReadCount {

    private final ReadProgress listener;
    private final long filesTotal;
    private final long bytesTotal;
    private long files;
    private long bytes;

    /** A count against the totals of {@code rows}, the catalog's files. */
    ReadCount(ReadProgress listener, Collection<CatalogRow> rows) {
        this.listener = listener;
        this.filesTotal = rows.size();
        this.bytesTotal = rows.stream().mapToLong(CatalogRow::size).sum();
    }

    /** {@code e} was read through: counted and told if it is a file entry. */
    void passed(TarArchiveEntry e) {
        if (e.isFile()) {
            files++;
            bytes += e.getSize();
            listener.read(files, filesTotal, bytes, bytesTotal);
        }
    }
}

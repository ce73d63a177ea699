package org.vss4j.media;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A set's catalog.db (docs/backup-sets.md, "catalog.db"): one SQLite database, written in one transaction.
 */
final class Catalog implements AutoCloseable {

    static final String FORMAT = "1";

    private static final String[] SCHEMA = {
        "CREATE TABLE backup_set(key TEXT PRIMARY KEY, value TEXT)",
        // Two directories of one volume (D:\data, D:\logs) share their root (D): a source is unique, a root is not.
        "CREATE TABLE sources(ordinal INTEGER PRIMARY KEY, source TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                + " root TEXT NOT NULL)",
        "CREATE TABLE files(id INTEGER PRIMARY KEY, entry_name TEXT NOT NULL UNIQUE, source_root TEXT NOT NULL,"
                + " relative_path TEXT NOT NULL, writer_instance_id TEXT, writer_id TEXT, writer_name TEXT,"
                + " component TEXT, logical_path TEXT, original_path TEXT NOT NULL, size INTEGER NOT NULL,"
                + " creation_time TEXT, last_write_time TEXT, attributes INTEGER NOT NULL, sha256 TEXT NOT NULL,"
                + " data_offset INTEGER NOT NULL, change_time TEXT, stored_in TEXT)",
        "CREATE INDEX files_original_path ON files(original_path COLLATE NOCASE)",
        "CREATE TABLE links(original_path TEXT NOT NULL, reparse_tag INTEGER, writer_name TEXT, component TEXT)",
        "CREATE TABLE failed_files(original_path TEXT NOT NULL, writer_name TEXT, component TEXT, reason TEXT)",
        "CREATE TABLE components(writer_instance_id TEXT, writer_id TEXT, writer_name TEXT, logical_path TEXT,"
                + " name TEXT NOT NULL, backup_succeeded INTEGER NOT NULL, backup_stamp TEXT)",
        // docs/backup-semantics.md: a file's security descriptor and alternate data streams, stored as BackupRead's
        // stream format in the data.tar entry streams_entry.
        "CREATE TABLE file_streams(streams_entry TEXT PRIMARY KEY, entry_name TEXT NOT NULL UNIQUE,"
                + " kinds TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, data_offset INTEGER NOT NULL)",
        // docs/backup-semantics.md: a directory's times, attributes and (with backup semantics) its security
        // descriptor and alternate data streams in BackupRead's stream format, for every directory of a listed file.
        "CREATE TABLE directories(entry_name TEXT PRIMARY KEY, original_path TEXT, creation_time TEXT,"
                + " last_write_time TEXT, change_time TEXT, attributes INTEGER NOT NULL, kinds TEXT, streams BLOB,"
                + " streams_sha256 TEXT)",
    };

    private final Connection db;
    private PreparedStatement insertFile;
    private PreparedStatement insertStreams;

    private Catalog(Connection db) {
        this.db = db;
    }

    /** A new, empty catalog at {@code file}, its transaction open. */
    static Catalog create(Path file) throws IOException {
        // Created empty first, owner-only where permissions are POSIX (MediaLayout.ownerOnlyFile): SQLite takes an
        // empty file as a new database and gives its journal the database file's permissions.
        java.nio.file.Files.createFile(file, MediaLayout.ownerOnlyFile());
        return connect(file, true, "create");
    }

    private void prepareInsert() throws SQLException {
        insertFile = db.prepareStatement("INSERT INTO files(entry_name, source_root, relative_path,"
                + " writer_instance_id, writer_id, writer_name, component, logical_path, original_path, size,"
                + " creation_time, last_write_time, attributes, sha256, data_offset, change_time, stored_in)"
                + " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    }

    /** The catalog of a published set at {@code file}, its transaction open, for the steps after publishing. */
    static Catalog openForUpdate(Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IOException("no catalog: " + file);
        }
        return connect(file, false, "open");
    }

    /** A connection to {@code file} with durable commits and an open transaction; the schema made when asked. */
    private static Catalog connect(Path file, boolean makeSchema, String verb) throws IOException {
        Connection c = null;
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            // Nothing reads generated keys; with them on, the driver runs "SELECT last_insert_rowid()" (a statement
            // prepared and stepped) after every INSERT, that is, after every file.
            config.setGetGeneratedKeys(false);
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (Statement s = c.createStatement()) {
                // FULL: the commit is durable once it returns (SQLite docs, "PRAGMA synchronous").
                s.execute("PRAGMA synchronous=FULL");
                c.setAutoCommit(false);
                if (makeSchema) {
                    for (String sql : SCHEMA) {
                        s.execute(sql);
                    }
                }
            }
            Catalog cat = new Catalog(c);
            cat.prepareInsert();
            return cat;
        } catch (SQLException e) {
            closeQuietly(c, e);
            throw new IOException("cannot " + verb + " the catalog " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c, Exception failure) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The catalog at {@code file}, read-only. */
    static Catalog open(Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IOException("no catalog: " + file);
        }
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            return new Catalog(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                    config.toProperties()));
        } catch (SQLException e) {
            throw new IOException("cannot open the catalog " + file + ": " + e.getMessage(), e);
        }
    }

    void putMetadata(SetMetadata m, Instant started) throws IOException {
        put("format", FORMAT);
        put("set_id", m.setId());
        put("type", m.type());
        put("bootable_system_state", String.valueOf(m.bootableSystemState()));
        put("component_mode", String.valueOf(m.componentMode()));
        put("partial_file_support", String.valueOf(m.partialFileSupport()));
        put("snapshot_set_id", m.snapshotSetId() == null ? null : m.snapshotSetId().toString());
        put("snapshot_time", m.snapshotTime() == null ? null : m.snapshotTime().toString());
        put("parent_set_id", m.parentSetId());
        put("started", started.toString());
        SetOrigin origin = SetOrigin.ofThisProcess();
        put("provider", origin.provider());
        put("host", origin.host());
        try (PreparedStatement p = db.prepareStatement("INSERT INTO sources(ordinal, source, root) VALUES(?,?,?)")) {
            int i = 0;
            for (SetMetadata.Source s : m.sources()) {
                p.setInt(1, i++);
                p.setString(2, s.source());
                p.setString(3, s.root());
                p.executeUpdate();
            }
        } catch (SQLException e) {
            throw sqlFailure("record the sources", e);
        }
    }

    void put(String key, String value) throws IOException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO backup_set(key, value) VALUES(?,?)")) {
            p.setString(1, key);
            p.setString(2, value);
            p.executeUpdate();
        } catch (SQLException e) {
            throw sqlFailure("record " + key, e);
        }
    }

    void addFile(CatalogRow r) throws IOException {
        FileMetadata m = r.metadata();
        try {
            PreparedStatement p = insertFile;
            p.setString(1, r.entryName());
            p.setString(2, r.sourceRoot());
            p.setString(3, r.relativePath());
            p.setString(4, m.writerInstanceId());
            p.setString(5, m.writerId());
            p.setString(6, m.writerName());
            p.setString(7, m.component());
            p.setString(8, m.logicalPath());
            p.setString(9, m.originalPath());
            p.setLong(10, r.size());
            setInstant(p, 11, m.creationTime());
            setInstant(p, 12, m.lastWriteTime());
            p.setInt(13, m.attributes());
            p.setString(14, r.sha256());
            p.setLong(15, r.dataOffset());
            setInstant(p, 16, m.changeTime());
            p.setString(17, r.storedIn());
            p.executeUpdate();
        } catch (SQLException e) {
            throw sqlFailure("record " + r.entryName(), e);
        }
    }

    /** Records the streams entry {@code r} of the file {@code fileEntry}: {@code kinds} as {@link FileStreams}. */
    void addStreams(String fileEntry, String kinds, CatalogRow r) throws IOException {
        try {
            // Prepared once, as the files' insert: a set with backup semantics has a streams row per file.
            if (insertStreams == null) {
                insertStreams = db.prepareStatement("INSERT INTO file_streams(streams_entry, entry_name, kinds, size,"
                        + " sha256, data_offset) VALUES(?,?,?,?,?,?)");
            }
            PreparedStatement p = insertStreams;
            p.setString(1, r.entryName());
            p.setString(2, fileEntry);
            p.setString(3, kinds);
            p.setLong(4, r.size());
            p.setString(5, r.sha256());
            p.setLong(6, r.dataOffset());
            p.executeUpdate();
        } catch (SQLException e) {
            throw sqlFailure("record " + r.entryName(), e);
        }
    }

    /**
     * The streams entries by name, as rows verify checks like files': the file's entry name as relative path, its
     * stream kinds as the only metadata (in {@code component}); an older catalog without the table has none.
     */
    Map<String, CatalogRow> streamEntries() throws IOException {
        Map<String, CatalogRow> out = new java.util.LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet t = s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'file_streams'")) {
            if (!t.next()) {
                return out;
            }
        } catch (SQLException e) {
            throw sqlFailure("read", e);
        }
        query("SELECT streams_entry, entry_name, kinds, size, sha256, data_offset FROM file_streams ORDER BY"
                + " data_offset", rs -> {
                    try {
                        FileMetadata m = new FileMetadata(null, null, null, rs.getString(3), null, rs.getString(2),
                                null, null, 0);
                        out.put(rs.getString(1), new CatalogRow(rs.getString(1), FileStreams.ROOT, rs.getString(2), m,
                                rs.getLong(4), rs.getString(5), rs.getLong(6)));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return out;
    }

    /** Records what the set keeps of the directory {@code d}. */
    void addDirectory(DirectoryRow d) throws IOException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO directories(entry_name, original_path,"
                + " creation_time, last_write_time, change_time, attributes, kinds, streams, streams_sha256)"
                + " VALUES(?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, d.entryName());
            p.setString(2, d.originalPath());
            setInstant(p, 3, d.creationTime());
            setInstant(p, 4, d.lastWriteTime());
            setInstant(p, 5, d.changeTime());
            p.setInt(6, d.attributes());
            p.setString(7, d.kinds());
            p.setBytes(8, d.streams());
            p.setString(9, d.streamsSha256());
            p.executeUpdate();
        } catch (SQLException e) {
            throw sqlFailure("record the directory " + d.entryName(), e);
        }
    }

    /** The directories' rows by entry name; an older catalog without the table has none. */
    Map<String, DirectoryRow> directories() throws IOException {
        Map<String, DirectoryRow> out = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet t = s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'directories'")) {
            if (!t.next()) {
                return out;
            }
        } catch (SQLException e) {
            throw sqlFailure("read", e);
        }
        query("SELECT entry_name, original_path, creation_time, last_write_time, change_time, attributes, kinds,"
                + " streams, streams_sha256 FROM directories ORDER BY entry_name", rs -> {
                    try {
                        out.put(rs.getString(1), new DirectoryRow(rs.getString(1), rs.getString(2),
                                instant(rs.getString(3)), instant(rs.getString(4)), instant(rs.getString(5)),
                                rs.getInt(6), rs.getString(7), rs.getBytes(8), rs.getString(9)));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return out;
    }

    void addLink(String originalPath, int reparseTag, String writerName, String component) throws IOException {
        insert("INSERT INTO links(original_path, reparse_tag, writer_name, component) VALUES(?,?,?,?)",
                originalPath, reparseTag, writerName, component);
    }

    void addComponent(ComponentRow c) throws IOException {
        insert("INSERT INTO components(writer_instance_id, writer_id, writer_name, logical_path, name,"
                + " backup_succeeded, backup_stamp) VALUES(?,?,?,?,?,?,?)", c.writerInstanceId(), c.writerId(),
                c.writerName(), c.logicalPath(), c.name(), c.backupSucceeded() ? 1 : 0, c.backupStamp());
    }

    List<ComponentRow> components() throws IOException {
        List<ComponentRow> out = new ArrayList<>();
        query("SELECT writer_instance_id, writer_id, writer_name, logical_path, name, backup_succeeded, backup_stamp"
                + " FROM components ORDER BY rowid", rs -> {
                    try {
                        out.add(new ComponentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6) != 0, rs.getString(7)));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return out;
    }

    void addFailure(String originalPath, String writerName, String component, String reason) throws IOException {
        insert("INSERT INTO failed_files(original_path, writer_name, component, reason) VALUES(?,?,?,?)",
                originalPath, writerName, component, reason);
    }

    private void insert(String sql, Object... values) throws IOException {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                p.setObject(i + 1, values[i]);
            }
            p.executeUpdate();
        } catch (SQLException e) {
            throw sqlFailure("record " + values[0], e);
        }
    }

    /** Commits the transaction: after it returns the catalog is on the device (synchronous=FULL). */
    void commit() throws IOException {
        try {
            db.commit();
        } catch (SQLException e) {
            throw sqlFailure("commit", e);
        }
    }

    Map<String, String> metadata() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        query("SELECT key, value FROM backup_set", rs -> out.put(str(rs, 1), str(rs, 2)));
        return out;
    }

    List<SetMetadata.Source> sources() throws IOException {
        List<SetMetadata.Source> out = new ArrayList<>();
        query("SELECT source, root FROM sources ORDER BY ordinal",
                rs -> out.add(new SetMetadata.Source(str(rs, 1), str(rs, 2))));
        return out;
    }

    long[] countAndBytes() throws IOException {
        long[] out = new long[2];
        query("SELECT count(*), coalesce(sum(size), 0) FROM files WHERE stored_in IS NULL", rs -> {
            try {
                out[0] = rs.getLong(1);
                out[1] = rs.getLong(2);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    private static final String ROW_COLUMNS = "entry_name, source_root, relative_path, writer_instance_id, writer_id,"
            + " writer_name, component, logical_path, original_path, size, creation_time, last_write_time, attributes,"
            + " sha256, data_offset, change_time, stored_in";

    private PreparedStatement selectRow;

    /** Every file row: first those whose data this set holds, in the order of their data in data.tar. */
    Map<String, CatalogRow> files() throws IOException {
        Map<String, CatalogRow> out = new LinkedHashMap<>();
        query("SELECT " + ROW_COLUMNS + " FROM files ORDER BY stored_in IS NOT NULL, data_offset, id", rs -> {
            try {
                CatalogRow r = row(rs);
                out.put(r.entryName(), r);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    /** The row of {@code entryName}, or null: one lookup in the unique index, for a catalog of any size. */
    CatalogRow file(String entryName) throws IOException {
        try {
            if (selectRow == null) {
                selectRow = db.prepareStatement("SELECT " + ROW_COLUMNS + " FROM files WHERE entry_name = ?");
            }
            selectRow.setString(1, entryName);
            try (ResultSet rs = selectRow.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        } catch (SQLException e) {
            throw sqlFailure("read " + entryName, e);
        }
    }

    private static CatalogRow row(ResultSet rs) throws SQLException {
        FileMetadata m = new FileMetadata(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), instant(rs.getString(11)), instant(rs.getString(12)),
                rs.getInt(13), instant(rs.getString(16)));
        return new CatalogRow(rs.getString(1), rs.getString(2), rs.getString(3), m, rs.getLong(10), rs.getString(14),
                rs.getLong(15), rs.getString(17));
    }

    List<String> failedFiles() throws IOException {
        List<String> out = new ArrayList<>();
        query("SELECT original_path, reason FROM failed_files", rs -> out.add(str(rs, 1) + ": " + str(rs, 2)));
        return out;
    }

    private void query(String sql, Consumer<ResultSet> row) throws IOException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        } catch (SQLException | IllegalStateException e) {
            throw sqlFailure("read", e);
        }
    }

    private static String str(ResultSet rs, int column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setInstant(PreparedStatement p, int index, Instant t) throws SQLException {
        if (t == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, t.toString());
        }
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static IOException sqlFailure(String what, Exception e) {
        return new IOException("catalog: cannot " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
        try {
            if (insertFile != null) {
                insertFile.close();
            }
            if (selectRow != null) {
                selectRow.close();
            }
            if (insertStreams != null) {
                insertStreams.close();
            }
            db.close();
        } catch (SQLException e) {
            throw sqlFailure("close", e);
        }
    }
}

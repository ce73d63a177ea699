package org.vss4j.cli;

import org.vss4j.BackupType;

/**
 * The backup types {@code vss backup --type} takes. {@code copy} is the default: it never changes a writer's backup
 * history; the others tell writers a backup of that type succeeded, after which they may truncate their logs
 * (Microsoft docs, "VSS Backup State", "Overview of Backup Cleanup and Termination").
 */
enum BackupTypeArgument {
    copy(BackupType.COPY),
    full(BackupType.FULL),
    incremental(BackupType.INCREMENTAL),
    differential(BackupType.DIFFERENTIAL),
    log(BackupType.LOG);

    private final BackupType type;

    BackupTypeArgument(BackupType type) {
        this.type = type;
    }

    BackupType type() {
        return type;
    }

    /** Whether the type builds on an earlier set (its parent in the media). */
    boolean chains() {
        return type == BackupType.INCREMENTAL || type == BackupType.DIFFERENTIAL;
    }
}

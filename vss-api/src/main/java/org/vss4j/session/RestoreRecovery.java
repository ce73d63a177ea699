package org.vss4j.session;

import org.vss4j.BackupComponents;
import org.vss4j.BackupSchema;
import org.vss4j.VssHresult;
import org.vss4j.WriterBackupSchema;

/**
 * Sends what the caller asked about a component's recovery (authoritative restore, roll-forward, restore name) with
 * the {@code IVssBackupComponentsEx2} calls, after checking that the running writer declares it supports each: the
 * schema flags of "VSS_BACKUP_SCHEMA" (Microsoft docs) are how a writer says so, and VSS itself does not check them,
 * so a writer without the flag would silently ignore the request and restore something other than what was asked.
 */
final class RestoreRecovery {

    private RestoreRecovery() {
    }

    static void apply(BackupComponents bc, ComponentRef ref, WriterBackupSchema schema,
            RestoreSessionBuilder.RecoveryChoice choice) {
        if (choice.authoritative() != null) {
            require(ref, schema, BackupSchema.AUTHORITATIVE_RESTORE, "an authoritative restore");
        }
        if (choice.rollForward() != null) {
            require(ref, schema, BackupSchema.ROLLFORWARD_RESTORE, "a roll-forward choice");
        }
        if (choice.restoreName() != null) {
            require(ref, schema, BackupSchema.RESTORE_RENAME, "a restore name");
        }
        if (choice.authoritative() != null) {
            bc.setAuthoritativeRestore(ref.writer().writerId(), ref.type(), ref.logicalPathOrNull(), ref.name(),
                    choice.authoritative());
        }
        if (choice.rollForward() != null) {
            bc.setRollForward(ref.writer().writerId(), ref.type(), ref.logicalPathOrNull(), ref.name(), choice.rollForward(),
                    choice.rollForwardPoint());
        }
        if (choice.restoreName() != null) {
            bc.setRestoreName(ref.writer().writerId(), ref.type(), ref.logicalPathOrNull(), ref.name(),
                    choice.restoreName());
        }
    }

    private static void require(ComponentRef ref, WriterBackupSchema schema, BackupSchema flag, String what) {
        if (schema != null && schema.supports(flag)) {
            return;
        }
        throw BackupException.ofWriter(BackupPhase.SET_RESTORE_OPTIONS, ref.writer(), VssHresult.E_INVALIDARG.code(),
                "cannot ask " + what + " of component " + ref.fullPath() + " of writer " + ref.writer()
                        + ": its backup schema (GetBackupSchema) lacks " + flag.nativeName()
                        + ", so the writer has not said it honours it; restore without it", null);
    }
}

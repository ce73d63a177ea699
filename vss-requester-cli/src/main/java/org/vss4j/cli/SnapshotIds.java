package org.vss4j.cli;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vss4j.BackupComponents;
import org.vss4j.SnapshotProperties;

/**
 * Which kind of id a GUID from the command line is, looked up after VSS did not find it as the kind the command
 * wanted: {@code snapshot create} prints a set id and shadow copy ids alike, so one is easily given for the other.
 * The lookup is IVssBackupComponents::Query of every shadow copy (the commands run in VSS_CTX_ALL); when it fails,
 * nothing is said and VSS's own error stands.
 */
final class SnapshotIds {

    private SnapshotIds() {
    }

    /** The shadow copy {@code id}; empty when there is none or the query failed. */
    static Optional<SnapshotProperties> find(BackupComponents bc, UUID id) {
        return all(bc).stream().filter(p -> p.snapshotId().equals(id)).findFirst();
    }

    /** When {@code id} is a set's, not a shadow copy's: what to type instead, for the command word {@code verb}. */
    static Optional<String> setGivenForShadowCopy(BackupComponents bc, UUID id, String verb) {
        List<SnapshotProperties> all = all(bc);
        if (all.stream().anyMatch(p -> p.snapshotId().equals(id))
                || all.stream().noneMatch(p -> p.snapshotSetId().equals(id))) {
            return Optional.empty();
        }
        String use = verb.equals("delete") ? "use `vss snapshot delete --set " + id + "`"
                : verb + " one of its shadow copies (`vss snapshot list --set " + id + "` lists them)";
        return Optional.of("{" + id + "} is a shadow copy set, not a shadow copy: " + use);
    }

    /** When {@code id} is a shadow copy's, not a set's: what to type instead ({@code snapshot delete --set}). */
    static Optional<String> shadowCopyGivenForSet(BackupComponents bc, UUID id) {
        List<SnapshotProperties> all = all(bc);
        if (all.stream().anyMatch(p -> p.snapshotSetId().equals(id))
                || all.stream().noneMatch(p -> p.snapshotId().equals(id))) {
            return Optional.empty();
        }
        return Optional.of("{" + id + "} is a shadow copy, not a shadow copy set: use `vss snapshot delete " + id
                + "`");
    }

    private static List<SnapshotProperties> all(BackupComponents bc) {
        try {
            return bc.querySnapshots();
        } catch (RuntimeException cannotTell) {
            return List.of();
        }
    }
}

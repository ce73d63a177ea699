package org.vss4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.BackupSetReader;

/**
 * The MEDIA argument of {@code sets}, {@code verify} and {@code restore}, opened: the reader, which removed what killed
 * or failed backups left (said on stderr), and the sets, oldest first as {@link BackupSetReader#list} gives them (so
 * that the newest is printed last, next to the prompt).
 *
 * @param media   the media directory as given
 * @param reader  its reader
 * @param sets    its published sets, oldest snapshot first
 * @param removed the partial sets the reader removed, by set id
 */
record MediaSets(Path media, BackupSetReader reader, List<BackupSetInfo> sets, List<String> removed) {

    /** The state of a set whose every file was saved and whose outcome was recorded. */
    static final String COMPLETE = "complete";

    /** Opens {@code media}, saying on {@code err} what was removed; a missing or non-directory MEDIA is refused. */
    static MediaSets open(Path media, PrintWriter err) throws IOException {
        if (!Files.exists(media)) {
            throw new MediaNotFound("no media directory " + media + ": no such file or directory");
        }
        if (!Files.isDirectory(media)) {
            throw new MediaNotFound(media + " is not a media directory: it is a file");
        }
        BackupSetReader reader = BackupSetReader.open(media);
        for (String id : reader.removedPartials()) {
            err.printf("removed .partial-%s from %s: what a killed or failed backup left (it never was a set)%n", id,
                    media);
        }
        err.flush();
        return new MediaSets(media, reader, reader.list(), reader.removedPartials());
    }

    /** The sets, refusing a MEDIA that holds none: verify and restore would check or restore nothing. */
    List<BackupSetInfo> atLeastOne() {
        if (sets.isEmpty()) {
            throw new MediaNotFound(media + " holds no backup set (vss sets lists what a media directory holds)");
        }
        return sets;
    }

    /** The set {@code id}; one that does not exist is a usage error naming those that do. */
    BackupSetInfo named(String id) {
        atLeastOne();
        return sets.stream().filter(s -> s.setId().equals(id)).findFirst().orElseThrow(() -> new UsageException(
                "no backup set " + id + " in " + media + "; its sets: " + ids()));
    }

    /** The newest set whose state is complete (never a partial or unconfirmed one), if any. */
    Optional<BackupSetInfo> newestComplete() {
        for (int i = sets.size() - 1; i >= 0; i--) {
            if (COMPLETE.equals(sets.get(i).state())) {
                return Optional.of(sets.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * What {@code vss sets} and {@code vss restore} show of a set besides its metadata, read from its catalog and
     * chain.
     *
     * @param info        the set
     * @param failed      its files that could not be saved, {@code path: reason}
     * @param origin      the provider and host that made it
     * @param brokenChain why it cannot be restored (a set it builds on is missing or unreadable), or null
     */
    record Details(BackupSetInfo info, List<String> failed, org.vss4j.media.SetOrigin origin, String brokenChain) {
    }

    /** The {@link Details} of {@code s}. */
    Details details(BackupSetInfo s) throws IOException {
        return new Details(s, reader.failedFiles(s.setId()), reader.origin(s.setId()), reader.brokenChain(s.setId()));
    }

    /** Each set's id with its state, oldest first: {@code a (complete), b (partial)}. */
    String ids() {
        return String.join(", ", sets.stream().map(s -> s.setId() + " (" + s.state() + ")").toList());
    }
}

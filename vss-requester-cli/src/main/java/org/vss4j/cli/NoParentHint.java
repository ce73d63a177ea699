package org.vss4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.vss4j.BackupType;
import org.vss4j.media.BackupChain;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.BackupSetReader;
import org.vss4j.media.SetMetadata;

/**
 * Why an incremental or differential backup has no set to build on, and the command that makes one: the user's own
 * command line with {@code --type full}, so that the options in use (the mode, the simulator's volumes and state)
 * are kept. Only a {@code complete} set is a parent ({@link BackupChain#parentFor}): when the newest set that could
 * be one is partial or unconfirmed, that is said, since running the same full backup again may end the same way.
 */
final class NoParentHint {

    private NoParentHint() {
    }

    /** The message for {@code sources} in {@code media}; {@code args} is the command line after {@code vss}. */
    static String of(Path media, List<String> sources, BackupType type, List<String> args) {
        StringBuilder b = new StringBuilder("no complete full backup of these sources (")
                .append(String.join(", ", sources)).append(") in ").append(media);
        BackupSetInfo newest = newestCandidate(media, sources, type);
        if (newest != null) {
            b.append(": the newest ").append(newest.metadata().type()).append(" set, ")
                    .append(newest.metadata().setId()).append(", is ").append(newest.state())
                    .append(" and so no parent (vss sets ").append(media).append(" says why)");
        }
        return b.append(newest == null ? ": " : "; ").append("run a full backup first: ").append(commandLine(asFull(args))).toString();
    }

    /** The newest set of the same sources that could precede {@code type} but for its state; null if none. */
    private static BackupSetInfo newestCandidate(Path media, List<String> sources, BackupType type) {
        if (!Files.isDirectory(media)) {
            return null;
        }
        try {
            List<String> wanted = key(sources);
            List<BackupSetInfo> sets = BackupSetReader.open(media).list();
            for (int i = sets.size() - 1; i >= 0; i--) {
                BackupSetInfo s = sets.get(i);
                if (BackupChain.mayPrecede(s.metadata().type(), type) && key(s.metadata().sources().stream()
                        .map(SetMetadata.Source::source).toList()).equals(wanted)) {
                    return "complete".equals(s.state()) ? null : s;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // The hint only: the message without the newest set's state.
        }
        return null;
    }

    private static List<String> key(List<String> sources) {
        List<String> out = new ArrayList<>();
        for (String s : sources) {
            out.add(s.toUpperCase(Locale.ROOT));
        }
        Collections.sort(out);
        return out;
    }

    /** {@code args} with its {@code --type} (either form) replaced by {@code --type full}. */
    static List<String> asFull(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--type")) {
                i++;
                continue;
            }
            if (!a.startsWith("--type=")) {
                out.add(a);
            }
        }
        out.add("--type");
        out.add("full");
        return out;
    }

    /** {@code vss} and {@code args} as they can be pasted: quoted for a POSIX shell off Windows, for cmd on it. */
    static String commandLine(List<String> args) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        StringBuilder b = new StringBuilder("vss");
        for (String a : args) {
            b.append(' ').append(windows ? forCmd(a) : forSh(a));
        }
        return b.toString();
    }

    private static String forSh(String a) {
        if (!a.isEmpty() && a.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return a;
        }
        return "'" + a.replace("'", "'\\''") + "'";
    }

    private static String forCmd(String a) {
        return !a.isEmpty() && a.chars().noneMatch(c -> c == ' ' || c == '\t' || "&|<>^\"".indexOf(c) >= 0) ? a
                : "\"" + a.replace("\"", "\"\"") + "\"";
    }
}

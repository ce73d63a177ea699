package org.vss4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.RestoreReport;
import org.vss4j.media.SetMetadata;
import org.vss4j.media.VerifyReport;

/** How backup sets, verifications and restores are shown to a person (their JSON forms are {@link SetJsonForms}). */
final class SetText {

    /** How many "not applied" lines the text shows before it counts the rest. */
    static final int NOT_APPLIED_SHOWN = 10;

    private SetText() {
    }

    /** One set's block: its metadata, where it was made, whether its chain holds, its failed files. */
    static void set(PrintWriter out, MediaSets.Details d) {
        BackupSetInfo s = d.info();
        SetMetadata m = s.metadata();
        out.printf("set %s%n", s.setId());
        out.printf("  time      %s%n", m.snapshotTime() == null ? "unknown (no snapshot recorded)" : m.snapshotTime());
        out.printf("  type      %s%n", m.type());
        out.printf("  state     %s%s%n", state(s, d.failed().size()), neverParent(s));
        out.printf("  made by   %s%n", origin(d.origin()));
        out.printf("  sources   %s%n", String.join(", ", m.sources().stream()
                .map(src -> src.source() + " (" + src.root() + " in data.tar)").toList()));
        out.printf("  parent    %s%n", m.parentSetId() == null ? "none" : m.parentSetId());
        if (d.brokenChain() != null) {
            out.printf("  chain     broken: this set cannot be restored: %s%n", d.brokenChain());
        }
        out.printf("  files     %d, %s%n", s.files(), bytes(s.bytes()));
        d.failed().forEach(f -> out.printf("  failed    %s%n", f));
    }

    /**
     * For a full or incremental set that is not complete: that no incremental or differential set builds on it (a
     * parent is the newest complete set of a type that may precede, docs/backup-sets.md).
     */
    private static String neverParent(BackupSetInfo s) {
        String type = s.metadata().type();
        boolean couldBe = "full".equals(type) || "incremental".equals(type);
        return couldBe && !MediaSets.COMPLETE.equals(s.state())
                ? " (never a parent of an incremental or differential set)" : "";
    }

    /** {@code simulator on host X (simulated shadow copies, not VSS)}, {@code windows on host X}. */
    static String origin(org.vss4j.media.SetOrigin o) {
        if (o.provider() == null) {
            return "not recorded (a set written before vss4j recorded it)";
        }
        String host = o.host() == null ? "an unknown host" : "host " + o.host();
        String what = switch (o.provider()) {
            case org.vss4j.spi.NativeProviders.SIMULATOR_ID -> " (simulated shadow copies, not a machine's VSS)";
            case org.vss4j.spi.WindowsNativeProvider.ID -> " (the Volume Shadow Copy Service)";
            default -> "";
        };
        return o.provider() + " on " + host + what;
    }

    /**
     * A set's state in words: {@code complete} only for a complete set; a partial or unconfirmed one says what it
     * lacks ({@code failedCount} files that could not be saved).
     */
    static String state(BackupSetInfo s, int failedCount) {
        return switch (s.state() == null ? "" : s.state()) {
            case MediaSets.COMPLETE -> MediaSets.COMPLETE;
            case "partial" -> "partial: " + count(failedCount, "file") + " could not be saved";
            case "unconfirmed" -> "unconfirmed: its data is whole, but whether the writers were told the backup "
                    + "succeeded was never recorded";
            default -> (s.state() == null ? "unknown" : s.state()) + ": not a state this vss knows, not complete";
        };
    }

    /** One set's verification. */
    static void verified(PrintWriter out, BackupSetInfo s, VerifyReport r) {
        String head = "set " + s.setId() + " (" + s.state() + "): ";
        if (r.ok()) {
            // The files it takes from earlier sets were read there too (BackupSetReader.verify).
            String chain = r.chain().size() > 1 ? "; what it takes from the earlier sets of its chain ("
                    + String.join(", ", r.chain().subList(0, r.chain().size() - 1)) + ") matches too" : "";
            out.printf("%sverified, %s, %s match the catalog%s%n", head, count(r.files(), "file"), bytes(r.bytes()),
                    chain);
            return;
        }
        out.printf("%sDAMAGED, %s; %s, %s matched%n", head, count(r.problems().size(), "problem"),
                count(r.files(), "file"), bytes(r.bytes()));
        for (VerifyReport.Problem p : r.problems()) {
            out.printf("  %s: %s: %s%n", p.name(), kind(p.kind()), p.detail());
        }
    }

    /** A problem's kind as text and JSON show it: {@code checksum}, {@code missing data}. */
    static String kind(VerifyReport.Kind k) {
        return k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** One restore's outcome; {@code unmatched} the --path patterns that selected no file. */
    static void restored(PrintWriter out, String setId, String target, RestoreReport r, long bytes,
            List<String> unmatched) {
        out.printf("restored %s, %s from set %s into %s%n", count(r.restored().size(), "file"), bytes(bytes), setId,
                target);
        if (r.chain().size() > 1) {
            out.printf("  chain     %s (applied in this order)%n", String.join(", ", r.chain()));
        }
        r.refused().forEach(f -> out.printf("  refused   %s: %s%n", f.name(), f.reason()));
        r.missing().forEach(m -> out.printf("  missing   %s: the catalog lists it, data.tar does not hold it "
                + "(run vss verify)%n", m));
        unmatched.forEach(p -> out.printf("  no match  --path %s selected no file (a PATTERN is ROOT/PATH over the "
                + "entry names, such as D/data/sub/*; * stays within one name, **/*.txt is at any depth)%n", p));
        // The file's data is in place; what follows is what could not be applied to it.
        // A target that keeps no Windows metadata gives a line per file: the first ones show what, --json has all.
        notApplied(out, r.notApplied());
    }

    /** The first {@link #NOT_APPLIED_SHOWN} of what a restore could not apply, one line each, then how many more. */
    static void notApplied(PrintWriter out, List<String> notApplied) {
        notApplied.stream().limit(NOT_APPLIED_SHOWN).forEach(n -> out.printf("  not applied %s%n", n));
        if (notApplied.size() > NOT_APPLIED_SHOWN) {
            out.printf("  not applied ... and %d more (--json lists every one)%n",
                    notApplied.size() - NOT_APPLIED_SHOWN);
        }
    }

    /** Where the stderr note about {@code count} lines not applied sends the reader, with {@code --json} or not. */
    static String whereNotAppliedAre(int count, boolean json) {
        return json ? "each is named in notApplied" : count > NOT_APPLIED_SHOWN ? "the first " + NOT_APPLIED_SHOWN
                + " are named on stdout, 'not applied'; --json lists every one" : "each is named on stdout, 'not applied'";
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code 1234567 bytes (1.2 MiB)}: exact, with a readable size when it is a KiB or more. */
    static String bytes(long n) {
        String exact = n + (n == 1 ? " byte" : " bytes");
        if (n < 1024) {
            return exact;
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return exact + String.format(Locale.ROOT, " (%.1f %s)", v, units[u]);
    }
}

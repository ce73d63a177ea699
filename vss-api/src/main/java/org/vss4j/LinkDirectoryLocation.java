package org.vss4j;

import java.nio.file.Path;

/**
 * Where {@link SnapshotLinkDirectory} keeps its links: the {@code vss4j.linkDirectory} system property, else
 * {@code <java.io.tmpdir>/vss4j-links-<account>}, one directory per account.
 *
 * <p>Per account because the directory is owner-only and refused when another account owns it: one directory for
 * everybody (as {@code /tmp/vss4j-links} was) belongs to whoever made it first, and every other user of the machine
 * could then read no shadow copy. The account is Java's {@code user.name} (on POSIX the name of the process's user
 * in the password database, on Windows the account's user name). On Windows {@code java.io.tmpdir} is
 * what GetTempPathW returns (Microsoft docs, "GetTempPathW function": the first of TMP, TEMP, USERPROFILE, the Windows
 * directory), which is per account already for a user; the suffix still keeps apart the accounts that share one
 * (services running as SYSTEM use {@code C:\Windows\Temp}). The temporary directory is used rather than
 * {@code $XDG_RUNTIME_DIR} so that one account finds one directory whether it runs from a login session, cron or a CI
 * job, and {@code vss doctor} looks where the backups link.
 */
final class LinkDirectoryLocation {

    /** The default directory's name before the account. */
    static final String DEFAULT_PREFIX = "vss4j-links-";

    private LinkDirectoryLocation() {
    }

    /**
     * The link directory: {@code configured} (the property's value) when given, else
     * {@code temporaryDirectory/vss4j-links-<account>}.
     */
    static Path of(String configured, String temporaryDirectory, String account) {
        if (configured != null) {
            return Path.of(configured);
        }
        return Path.of(temporaryDirectory, DEFAULT_PREFIX + fileNamePart(account));
    }

    /**
     * {@code account} as part of a file name, one to one: letters, digits, {@code .}, {@code _} and {@code -} stay;
     * every other character (a {@code $}, which ends computer account names; a space; the {@code ?} that Java gives a
     * user missing from the password database) becomes its code point in hex between two {@code +} ({@code $} is
     * {@code +24+}), so two account names never give one directory name. An empty or unknown name is {@code +}.
     */
    static String fileNamePart(String account) {
        if (account == null || account.isEmpty()) {
            return "+";
        }
        StringBuilder b = new StringBuilder();
        account.codePoints().forEach(c -> {
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            if (safe) {
                b.appendCodePoint(c);
            } else {
                b.append('+').append(Integer.toHexString(c)).append('+');
            }
        });
        return b.toString();
    }
}

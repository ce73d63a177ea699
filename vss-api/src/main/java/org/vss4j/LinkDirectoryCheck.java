package org.vss4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a process may keep its shadow copy links in a directory, read only (nothing is made or changed): the rules
 * {@link SnapshotLinkDirectory} applies before it links there, and {@code vss doctor} reports. The directory must be
 * a plain directory (not a link or a reparse point, which could send the links and the sweep elsewhere); on a POSIX
 * file system it must belong to this account and not be writable by its group or others (who could replace a link);
 * and this account must be able to write in it.
 */
final class LinkDirectoryCheck {

    private LinkDirectoryCheck() {
    }

    /** The account this process runs as, by name: Java's {@code user.name}. */
    static String thisAccount() {
        return System.getProperty("user.name");
    }

    /**
     * Why {@code account} may not keep its links in {@code base}, or empty when it may: for a missing {@code base},
     * whether it can be made (its nearest existing parent is a directory the account may write).
     */
    static Optional<String> refusal(Path base, String account) throws IOException {
        if (!Files.exists(base, LinkOption.NOFOLLOW_LINKS)) {
            return refusalToMake(base); // also when a part of the path is a file (ENOTDIR)
        }
        BasicFileAttributes a = Files.readAttributes(base, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!SnapshotLinkDirectory.isPlainDirectory(a)) {
            return Optional.of(base + " is not a plain directory (a link, a junction or another reparse point, or a "
                    + "file): vss4j keeps no shadow copy links where they could be redirected");
        }
        if (posix(base)) {
            Optional<String> owner = foreignOwner(base, account);
            if (owner.isPresent()) {
                return Optional.of(base + " belongs to " + owner.get() + ", not to " + account
                        + ": vss4j keeps no shadow copy links in another account's directory");
            }
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(base, LinkOption.NOFOLLOW_LINKS);
            if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
                return Optional.of(base + " may be written by other users (" + PosixFilePermissions.toString(p)
                        + "): vss4j keeps no shadow copy links where others could replace them");
            }
        }
        if (!Files.isWritable(base)) {
            return Optional.of(base + " may not be written by this account (" + account + ")");
        }
        return Optional.empty();
    }

    static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * The owner of {@code base} when it is not {@code account}; empty when it is, or when {@code account} is not known
     * to the system (a user missing from the password database: then only the permission rules apply).
     */
    private static Optional<String> foreignOwner(Path base, String account) throws IOException {
        if (account == null) {
            return Optional.empty();
        }
        UserPrincipal me;
        try {
            me = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(account);
        } catch (UserPrincipalNotFoundException e) {
            return Optional.empty();
        }
        UserPrincipal owner = Files.getOwner(base, LinkOption.NOFOLLOW_LINKS);
        return owner.equals(me) ? Optional.empty() : Optional.of(owner.getName());
    }

    private static Optional<String> refusalToMake(Path base) {
        Path parent = base.toAbsolutePath().getParent();
        while (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
            parent = parent.getParent();
        }
        if (parent != null && (!Files.isDirectory(parent) || !Files.isWritable(parent))) {
            return Optional.of(base + " does not exist and cannot be made: this account may not write in " + parent);
        }
        return Optional.empty();
    }
}

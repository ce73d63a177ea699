package org.vss4j.media;

import java.util.ArrayList;
import java.util.List;
import org.vss4j.session.WindowsNames;

/**
 * The rules for a name in data.tar: a relative path of names joined by {@code /}, each of which Windows allows
 * ({@link WindowsNames}). The writer stores only such names and the restore refuses every other one, so that no entry
 * of a set, written by vss4j or by hand, can lead outside the restore target.
 */
final class EntryNames {

    private EntryNames() {
    }

    /** Why the single name {@code name} cannot be a file name of a set, or null. */
    static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "the name is empty";
        }
        if (name.equals("..")) {
            return "'..' names the parent directory";
        }
        if (name.equals(".")) {
            return "'.' names the directory itself";
        }
        String p = WindowsNames.problem(name);
        return p != null ? p : WindowsNames.win32Problem(name);
    }

    /**
     * The names of the entry {@code entryName} (a trailing {@code /} and {@code ./} segments dropped, as tar writes
     * them for directories and for {@code tar -cf x .}).
     *
     * @throws IllegalArgumentException with the reason for an entry that could lead outside the target or that
     *                                  Windows cannot hold
     */
    static List<String> segments(String entryName) {
        if (entryName == null || entryName.isEmpty()) {
            throw new IllegalArgumentException("the name is empty");
        }
        if (entryName.startsWith("//") || entryName.startsWith("\\\\")) {
            throw new IllegalArgumentException("a UNC or device path");
        }
        if (entryName.startsWith("/") || entryName.startsWith("\\")) {
            throw new IllegalArgumentException("an absolute path");
        }
        if (entryName.length() >= 2 && entryName.charAt(1) == ':' && Character.isLetter(entryName.charAt(0))) {
            throw new IllegalArgumentException("a path with a drive letter");
        }
        List<String> out = new ArrayList<>();
        String[] parts = entryName.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String s = parts[i];
            if (s.equals(".") || (s.isEmpty() && i == parts.length - 1 && i > 0)) {
                continue;
            }
            if (s.equals("..")) {
                throw new IllegalArgumentException("a '..' component leads outside the target");
            }
            String problem = problem(s);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the name names no file");
        }
        return out;
    }
}

package org.vss4j.session;

import java.util.Arrays;

/**
 * Many strings appended to one pool and read back by number: one byte per character while every character is
 * Latin-1 (names are, mostly), two after the first that is not, and an {@code int} per string for where it starts.
 * A million file names cost their characters and four bytes each here, against some 50 bytes each as
 * {@code String}s. Grows by half, not double, so that a pool of tens of megabytes needs little more to grow. For the
 * compact tables of a backup of many files (the session's items, and in {@code vss} the backup set's names and the
 * simulator's change times); not thread-safe.
 */
public final class StringPool {

    private byte[] latin1 = new byte[1024];
    /** Null until a character beyond Latin-1 comes; then every character is here and {@link #latin1} is null. */
    private char[] chars;
    /** String i is {@code [start[i], start[i + 1])}. */
    private int[] start = new int[65];
    private int size;

    /** Appends {@code s}; returns its number. */
    public int add(String s) {
        if (size + 1 == start.length) {
            start = Arrays.copyOf(start, start.length + (start.length >> 1));
        }
        int from = start[size];
        int end = from + s.length();
        if (latin1 != null && !isLatin1(s)) {
            chars = new char[Math.max(1024, end + (end >> 1))];
            for (int i = 0; i < from; i++) {
                chars[i] = (char) (latin1[i] & 0xFF);
            }
            latin1 = null;
        }
        if (latin1 != null) {
            if (end > latin1.length) {
                latin1 = Arrays.copyOf(latin1, Math.max(end, latin1.length + (latin1.length >> 1)));
            }
            for (int i = 0; i < s.length(); i++) {
                latin1[from + i] = (byte) s.charAt(i);
            }
        } else {
            if (end > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(end, chars.length + (chars.length >> 1)));
            }
            s.getChars(0, s.length(), chars, from);
        }
        start[size + 1] = end;
        return size++;
    }

    /** String {@code i}. */
    public String get(int i) {
        int from = start[i];
        int length = start[i + 1] - from;
        return latin1 != null ? new String(latin1, from, length, java.nio.charset.StandardCharsets.ISO_8859_1)
                : new String(chars, from, length);
    }

    /** Whether string {@code i} is {@code s}, without making it. */
    public boolean equalsAt(int i, String s) {
        int from = start[i];
        if (start[i + 1] - from != s.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = latin1 != null ? (char) (latin1[from + k] & 0xFF) : chars[from + k];
            if (c != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** How many strings it holds. */
    public int size() {
        return size;
    }

    private static boolean isLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}

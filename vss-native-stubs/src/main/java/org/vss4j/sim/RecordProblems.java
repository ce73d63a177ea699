package org.vss4j.sim;

import java.nio.charset.CharacterCodingException;
import java.util.Properties;

/** Reading the state directory's property records: the checks, and a message that says what is wrong. */
final class RecordProblems {

    private RecordProblems() {
    }

    /** The value of {@code key}; a record without it is damaged. */
    static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(p.isEmpty() ? "empty (no fields at all)" : "field '" + key
                    + "' is missing");
        }
        return v.trim();
    }

    /**
     * A record of another format version cannot be read. {@code required}: the record has always had a version;
     * else a record without one is of version 1 (written before the field existed).
     */
    static void checkVersion(Properties p, int supported, boolean required) {
        String v = p.getProperty("version");
        if (v == null && !required) {
            return;
        }
        if (v == null) {
            required(p, "version");
        }
        if (!v.trim().equals(Integer.toString(supported))) {
            throw new IllegalArgumentException("format version '" + v.trim() + "', this simulator reads version "
                    + supported);
        }
    }

    /** What is wrong, in words: the exception's message, or its kind when it has none (a parse of garbage). */
    static String describe(Throwable t) {
        if (t instanceof CharacterCodingException || t instanceof java.nio.charset.MalformedInputException) {
            return "not text (not UTF-8): garbage or a binary file";
        }
        String m = t.getMessage();
        if (t instanceof NumberFormatException) {
            return "a number field is not a number (" + m + ")";
        }
        if (t instanceof IllegalArgumentException && m != null) {
            return m.startsWith("Invalid UUID") || m.startsWith("UUID") ? "an id field is not a GUID (" + m + ")" : m;
        }
        return m == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + m;
    }
}

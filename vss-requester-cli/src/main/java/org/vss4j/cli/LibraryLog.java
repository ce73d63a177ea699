package org.vss4j.cli;

/**
 * What the library logs on stderr (slf4j-simple, simplelogger.properties). The session's warnings repeat facts that
 * the command's outcome states in vss's own words (a file not saved, a component that failed): without
 * {@code --verbose} only its errors are shown; with it, its warnings too. slf4j-simple reads a logger's level when the
 * logger is made, a system property before the file, so this must run before the session's classes log.
 */
final class LibraryLog {

    /** The level key of the session's loggers (slf4j-simple: {@code org.slf4j.simpleLogger.log.<name>}). */
    static final String SESSION_LEVEL = "org.slf4j.simpleLogger.log.org.vss4j.session";

    private LibraryLog() {
    }

    /** With {@code --verbose}: the session's warnings are shown. */
    static void verbose() {
        System.setProperty(SESSION_LEVEL, "warn");
    }
}

package org.vss4j.cli;

/** The command line names something that does not exist or cannot be used (exit code 2). */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}

package org.vss4j.cli;

/** MEDIA names no media directory: missing, a file, or (for verify and restore) holding no backup set (exit code 10). */
final class MediaNotFound extends RuntimeException {

    MediaNotFound(String message) {
        super(message);
    }
}

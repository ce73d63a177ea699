package org.vss4j.files;

import java.io.IOException;
import org.vss4j.com.Win32Error;

/** A directory {@code FindFirstFileW} could not list, with the Win32 error it gave. */
public final class DirectoryListingException extends IOException {

    private final String directory;
    private final int win32Error;

    DirectoryListingException(String directory, int win32Error) {
        super("cannot list " + directory + ": " + Win32Error.describe(win32Error));
        this.directory = directory;
        this.win32Error = win32Error;
    }

    public String directory() {
        return directory;
    }

    /** The Win32 error ({@code GetLastError}), e.g. 5 for ERROR_ACCESS_DENIED. */
    public int win32Error() {
        return win32Error;
    }
}

package org.vss4j.cli;

import picocli.CommandLine.Option;

/** The options of the commands that read a set's data.tar back ({@code vss verify}, {@code vss restore}). */
final class SetReadOptions {

    @Option(names = "--json", description = "Print the outcome as one JSON document on stdout (notes go to stderr).")
    private boolean json;

    @Option(names = "--progress", negatable = true,
            description = "Show the progress (bytes, rate, time left, files) on stderr even when stderr is not a "
                    + "terminal; --no-progress: never. Default: on a terminal only.")
    private Boolean progress;

    /** Whether the outcome goes to stdout as JSON. */
    boolean json() {
        return json;
    }

    /** {@code --progress}: true; {@code --no-progress}: false; neither: null (on a terminal only). */
    Boolean progress() {
        return progress;
    }
}

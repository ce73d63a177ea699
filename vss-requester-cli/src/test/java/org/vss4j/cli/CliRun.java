package org.vss4j.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/**
 * One run of {@code vss} in this JVM: its exit code, stdout and stderr. {@link #json()} reads stdout as one JSON
 * document and nothing else: a banner or a notice before or after it fails the read.
 */
record CliRun(int exit, String out, String err) {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static CliRun vss(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Stdout as one JSON document. */
    JsonNode json() {
        try {
            return STRICT.readTree(out);
        } catch (Exception e) {
            throw new AssertionError("stdout is not one JSON document (" + e.getMessage() + "):\n" + out
                    + "\nstderr:\n" + err, e);
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

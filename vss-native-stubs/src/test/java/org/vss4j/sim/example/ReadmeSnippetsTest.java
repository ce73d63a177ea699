package org.vss4j.sim.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java example in the README is code that compiles and runs: each {@code java} block appears in a test source of
 * the project, line for line (indentation aside). A line {@code ...} in a block stands for omitted lines.
 */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheReadmeIsInACompiledSource() throws IOException {
        Path top = Path.of("").toAbsolutePath().getParent();
        String readme = Files.readString(top.resolve("README.md"));
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(top)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))
                    .toList()) {
                sources.add(normalized(Files.readString(f)));
            }
        }
        Matcher m = JAVA_BLOCK.matcher(readme);
        int blocks = 0;
        while (m.find()) {
            blocks++;
            String block = m.group(1);
            List<String> pieces = new ArrayList<>();
            for (String piece : block.split("\\n\\s*\\.\\.\\.\\s*\\n")) {
                pieces.add(normalized(piece));
            }
            assertThat(sources).as("a source holding this README block:%n%s", block)
                    .anyMatch(source -> containsInOrder(source, pieces));
        }
        assertThat(blocks).as("java blocks in the README").isGreaterThanOrEqualTo(4);
    }

    private static boolean containsInOrder(String source, List<String> pieces) {
        int from = 0;
        for (String piece : pieces) {
            int at = source.indexOf(piece, from);
            if (at < 0) {
                return false;
            }
            from = at + piece.length();
        }
        return true;
    }

    /** Each line stripped, blank lines dropped. */
    private static String normalized(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\\n")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                b.append(t).append('\n');
            }
        }
        return b.toString();
    }
}

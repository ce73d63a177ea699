package org.vss4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of the README compiles as shown, imports included: each is written to a file of its own (in its
 * package's directory when it declares one) and compiled alone against this module's test class path, which has
 * vss-api, vss-native-stubs, JUnit, AssertJ and the examples' own classes (the README's LogWriter needs
 * AppendOnlyLog, in its package). ReadmeSnippetsTest checks that each block is also code that a test runs.
 */
class ReadmeCompilesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "^(?:public |final |abstract )*(?:class|interface|record|enum|@interface) (\\w+)", Pattern.MULTILINE);

    @Test
    void everyJavaBlockOfTheReadmeCompilesAlone(@TempDir Path work) throws IOException {
        String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
        Matcher m = JAVA_BLOCK.matcher(readme);
        int blocks = 0;
        while (m.find()) {
            blocks++;
            String block = m.group(1);
            assertThat(compile(block, work.resolve("block" + blocks)))
                    .as("javac's messages for README Java block %d:%n%s", blocks, block).isEmpty();
        }
        assertThat(blocks).as("java blocks in the README").isGreaterThanOrEqualTo(4);
    }

    /**
     * What the README's examples import, its dependency block names: the test example's libraries with the test
     * scope, the binding (vss-api) with the compile scope, and an slf4j provider for the tests.
     */
    @Test
    void theDependencyBlockHasWhatTheExamplesImport() throws IOException {
        String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
        Matcher xml = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(xml.find()).as("a dependency block").isTrue();
        String dependencies = xml.group(1);
        String[][] needed = {
            {"import static org.assertj.", "assertj-core"},
            {"import org.junit.jupiter.", "junit-jupiter"},
            {"import org.vss4j.sim.", "vss-native-stubs"}};
        for (String[] n : needed) {
            if (readme.contains(n[0])) {
                assertThat(dependencies).as("the README's dependencies, for " + n[0])
                        .containsPattern("<artifactId>" + n[1] + "</artifactId>\\s*<version>[^<]+</version>\\s*"
                                + "<scope>test</scope>");
            }
        }
        // Production code (MediaBackup, NotesBackup) imports the binding: vss-api, in the compile scope.
        assertThat(readme).contains("import org.vss4j.session.", "import org.vss4j.BackupComponents;");
        assertThat(dependencies).as("the README's dependencies, for production code")
                .containsPattern("<artifactId>vss-api</artifactId>\\s*<version>[^<]+</version>\\s*</dependency>");
        // An slf4j provider for the tests, so that slf4j does not warn that it has none.
        assertThat(dependencies).containsPattern(
                "<artifactId>slf4j-simple</artifactId>\\s*<version>[^<]+</version>\\s*<scope>test</scope>");
        assertThat(readme).as("the artifacts are installed locally first").contains(
                "not published to a Maven repository yet: run `./mvnw install`");
    }

    @Test
    void aBlockThatLacksAnImportFails(@TempDir Path work) throws IOException {
        assertThat(compile("class NoImport {\n    Path p;\n}\n", work)).contains("cannot find symbol");
    }

    /** Compiles {@code source} alone under {@code dir}; javac's diagnostics, empty when it compiled. */
    private static String compile(String source, Path dir) throws IOException {
        Matcher type = TOP_LEVEL_TYPE.matcher(source);
        assertThat(type.find()).as("a top-level type declaration in:%n%s", source).isTrue();
        Matcher pkg = PACKAGE.matcher(source);
        Path srcDir = dir.resolve("src");
        if (pkg.find()) {
            srcDir = srcDir.resolve(pkg.group(1).replace('.', File.separatorChar));
        }
        Path file = Files.createDirectories(srcDir).resolve(type.group(1) + ".java");
        Files.writeString(file, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(file.toFile());
            List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none", "-Xlint:all,-serial",
                    "-Werror", "-d", classes.toString(), "-classpath", testClassPath()));
            boolean ok = javac.getTask(messages, files, null, options, null, units).call();
            return ok ? messages.toString() : messages + "\n(compilation failed)";
        }
    }

    /** This module's test class path, as surefire gives it (its own class path may be a manifest-only jar). */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}

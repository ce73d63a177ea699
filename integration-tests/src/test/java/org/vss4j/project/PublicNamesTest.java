package org.vss4j.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No two public top-level types of the project's main sources share a simple name: a user who imports
 * {@code WriterMetadata} must not have to check which package it came from (the binding's document view and the
 * simulator's writer description used to share it, as did two {@code WriterComponents} and two
 * {@code ComponentDependency}).
 */
class PublicNamesTest {

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:(?:final|abstract|sealed|non-sealed|static|strictfp) )*(?:class|interface|record|enum|@interface)"
                    + " (\\w+)", Pattern.MULTILINE);

    @Test
    void everyPublicTopLevelTypeHasASimpleNameOfItsOwn() throws IOException {
        Map<String, TreeSet<String>> packagesByName = publicTypes(Path.of("").toAbsolutePath().getParent());
        assertThat(packagesByName).as("public types found").hasSizeGreaterThan(100);
        Map<String, TreeSet<String>> shared = packagesByName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(shared).as("simple names of public types in more than one package").isEmpty();
    }

    @Test
    void theCheckSeesANameInTwoPackages(@TempDir Path project) throws IOException {
        write(project, "a/src/main/java/x/one/Thing.java", "package x.one;\n\npublic final class Thing {\n}\n");
        write(project, "b/src/main/java/x/two/Thing.java", "package x.two;\n\n/** doc */\npublic record Thing() {\n}\n");
        write(project, "b/src/main/java/x/two/Other.java", "package x.two;\n\nfinal class Other {\n}\n");
        write(project, "b/src/test/java/x/three/Other.java", "package x.three;\n\npublic class Other {\n}\n");
        assertThat(publicTypes(project)).containsOnlyKeys("Thing")
                .containsEntry("Thing", new TreeSet<>(List.of("x.one", "x.two")));
    }

    /** Simple name to the packages that declare a public top-level type of that name, over every module. */
    static Map<String, TreeSet<String>> publicTypes(Path project) throws IOException {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(project)) {
            for (Path f : files.filter(PublicNamesTest::isMainSource).toList()) {
                String text = Files.readString(f);
                Matcher type = PUBLIC_TYPE.matcher(text);
                Optional<String> pkg = PACKAGE.matcher(text).results().map(r -> r.group(1)).findFirst();
                if (type.find()) {
                    out.computeIfAbsent(type.group(1), n -> new TreeSet<>()).add(pkg.orElse(""));
                }
            }
        }
        return out;
    }

    private static boolean isMainSource(Path f) {
        String s = f.toString().replace('\\', '/');
        return s.endsWith(".java") && s.contains("/src/main/java/") && !s.contains("/target/")
                && !s.endsWith("/package-info.java");
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path f = root.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}

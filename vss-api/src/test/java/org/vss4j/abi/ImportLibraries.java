package org.vss4j.abi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What each DLL exports, according to mingw-w64's import libraries ({@code lib<module>.a}, found with
 * {@code gcc -print-file-name}): the functions for which {@code x86_64-w64-mingw32-nm} lists an import symbol
 * {@code __imp_<name>}. A function declared in the wrong module would link against nothing on Windows.
 */
final class ImportLibraries {

    private static final long TIMEOUT_SECONDS = 60;
    private static final String IMPORT_PREFIX = "__imp_";

    private final MingwCompiler compiler;
    private final Map<String, Set<String>> byLibrary = new HashMap<>();

    ImportLibraries(MingwCompiler compiler) {
        this.compiler = compiler;
    }

    /** The functions the import library of {@code libraryName} ({@code kernel32}) declares. */
    Set<String> exportsOf(String libraryName) throws IOException, InterruptedException, MingwUnavailableException {
        Set<String> known = byLibrary.get(libraryName);
        if (known != null) {
            return known;
        }
        String file = "lib" + libraryName + ".a";
        Path library = Path.of(run(compiler.executable().toString(), "-print-file-name=" + file).trim());
        if (!Files.isRegularFile(library)) {
            throw new MingwUnavailableException("mingw-w64 has no import library " + file);
        }
        String nm = compiler.executable().getFileName().toString().replace("gcc", "nm");
        Set<String> names = new TreeSet<>();
        for (String line : run(compiler.executable().resolveSibling(nm).toString(), library.toString()).split("\n")) {
            int at = line.indexOf(" I " + IMPORT_PREFIX);
            if (at >= 0) {
                names.add(line.substring(at + 3 + IMPORT_PREFIX.length()).trim());
            }
        }
        byLibrary.put(libraryName, names);
        return names;
    }

    private static String run(String... command)
            throws IOException, InterruptedException, MingwUnavailableException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new MingwUnavailableException(String.join(" ", command) + " failed: "
                    + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}

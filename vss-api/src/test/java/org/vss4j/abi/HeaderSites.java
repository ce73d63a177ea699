package org.vss4j.abi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which mingw-w64 header declares each typedef, read from the preprocessed probe source ({@code -save-temps}): gcc's
 * line markers ({@code # 1223 "/usr/share/mingw-w64/include/vsbackup.h"}) name the file in force when the typedef
 * closes ({@code } IVssBackupComponentsVtbl;}). Failure messages cite this file, so each ABI fact names its source.
 */
final class HeaderSites {

    private static final Pattern LINE_MARKER = Pattern.compile("^# \\d+ \"(.*)\".*$");
    private static final Pattern TYPEDEF_END = Pattern.compile("^}\\s*(\\w+)\\s*;");

    private HeaderSites() {
    }

    static Map<String, String> parse(Path preprocessed) {
        Map<String, String> sites = new HashMap<>();
        String[] file = {"?"};
        try (Stream<String> lines = Files.lines(preprocessed, StandardCharsets.ISO_8859_1)) {
            lines.forEach(line -> {
                Matcher marker = LINE_MARKER.matcher(line);
                if (marker.matches()) {
                    file[0] = baseName(marker.group(1));
                    return;
                }
                Matcher typedef = TYPEDEF_END.matcher(line);
                if (typedef.find()) {
                    sites.putIfAbsent(typedef.group(1), file[0]);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sites;
    }

    private static String baseName(String path) {
        String unescaped = path.replace("\\\\", "/");
        return unescaped.substring(unescaped.lastIndexOf('/') + 1);
    }
}

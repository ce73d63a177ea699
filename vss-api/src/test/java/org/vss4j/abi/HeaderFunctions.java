package org.vss4j.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Function declarations of preprocessed mingw-w64 headers ({@code gcc -E}), e.g.
 * {@code extern __attribute__((dllimport)) BSTR SysAllocStringLen(const OLECHAR *,UINT);} (oleauto.h) or
 * {@code __attribute__((dllimport)) WINBOOL FindClose (HANDLE hFindFile);} (fileapi.h). Storage classes and
 * attributes are dropped: on x64 {@code WINAPI} expands to nothing that changes the convention. Unlike the vtable
 * structs, these declarations may leave parameters unnamed, as oleauto.h does.
 */
final class HeaderFunctions {

    private static final Pattern LINE_MARKER = Pattern.compile("(?m)^# \\d+ \"(?:[^\"]*[/\\\\])?([^\"/\\\\]*)\".*$");
    private static final Pattern ATTRIBUTE = Pattern.compile("__attribute__\\s*\\(\\((?:[^()]|\\([^()]*\\))*\\)\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");
    /** C keywords that end a type, so never a parameter's name: {@code unsigned char} is a type alone. */
    private static final Pattern TYPE_KEYWORD_LAST = Pattern.compile(
            ".*\\b(char|short|int|long|signed|unsigned|float|double|void|_Bool|const|volatile)$");

    private final String preprocessed;

    HeaderFunctions(String preprocessed) {
        this.preprocessed = preprocessed;
    }

    /** A found declaration and the header it is in. */
    record Found(CPrototype prototype, String header) {
    }

    /**
     * The first declaration (not an inline definition) of {@code name}: a line's text up to {@code name(}, its
     * parameter list, then {@code ;}.
     */
    Optional<Found> function(String name) {
        Pattern declaration = Pattern.compile("(?m)^[ \\t]*([^;{}#\\n]*?)\\b" + Pattern.quote(name)
                + "\\s*\\(([^;{}()]*)\\)\\s*;");
        Matcher m = declaration.matcher(preprocessed);
        while (m.find()) {
            String returns = ATTRIBUTE.matcher(m.group(1)).replaceAll(" ").replaceAll("\\b(extern|static|__inline)\\b",
                    " ");
            if (m.group(1).contains("__inline") || returns.isBlank()) {
                continue;
            }
            CPrototype prototype = new CPrototype(name, CPrototype.normalise(returns), parameterTypes(m.group(2)),
                    false);
            return Optional.of(new Found(prototype, headerAt(m.start())));
        }
        return Optional.empty();
    }

    /**
     * The types of a parameter list whose names may be missing: a parameter that is one identifier
     * ({@code UINT}), ends with {@code *} ({@code const OLECHAR *}) or with a C type keyword ({@code unsigned char})
     * is a type alone; otherwise its last identifier is its name ({@code LPCWSTR lpFileName}).
     */
    static List<String> parameterTypes(String list) {
        List<String> types = new ArrayList<>();
        String trimmed = CPrototype.normalise(list);
        if (trimmed.isEmpty() || trimmed.equals("void")) {
            return types;
        }
        for (String raw : trimmed.split(",")) {
            String parameter = CPrototype.normalise(raw);
            boolean unnamed = parameter.endsWith("*") || IDENTIFIER.matcher(parameter).matches()
                    || TYPE_KEYWORD_LAST.matcher(parameter).matches();
            types.add(unnamed ? parameter : CPrototype.normalise(parameter.replaceFirst("[A-Za-z_]\\w*$", "")));
        }
        return types;
    }

    private String headerAt(int index) {
        Matcher marker = LINE_MARKER.matcher(preprocessed.substring(0, index));
        String header = "?";
        while (marker.find()) {
            header = marker.group(1);
        }
        return header;
    }
}

package org.vss4j.abi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C vtable structs of preprocessed mingw-w64 headers ({@code gcc -E}), method by method: widl writes each
 * {@code <Interface>Vtbl} as {@code typedef struct XVtbl { RET ( *Method)(X *This, TYPE name, ...); ... } XVtbl;}
 * (vss.h, vswriter.h, vsbackup.h, unknwnbase.h). The first parameter, {@code This}, is dropped: every vtable method
 * has it.
 */
final class HeaderVtbls {

    private static final Pattern STRUCT = Pattern.compile(
            "typedef\\s+struct\\s+(\\w+Vtbl)\\s*\\{(.*?)\\}\\s*\\1\\s*;", Pattern.DOTALL);
    private static final Pattern MEMBER = Pattern.compile(
            "([^;{}]+?)\\(\\s*\\*\\s*(\\w+)\\s*\\)\\s*\\(([^;]*?)\\)\\s*;", Pattern.DOTALL);
    private static final Pattern LINE_MARKER = Pattern.compile("(?m)^# \\d+ \"(?:[^\"]*[/\\\\])?([^\"/\\\\]*)\".*$");

    private final Map<String, List<CPrototype>> methodsByVtbl;
    private final Map<String, String> headerByVtbl;

    private HeaderVtbls(Map<String, List<CPrototype>> methodsByVtbl, Map<String, String> headerByVtbl) {
        this.methodsByVtbl = methodsByVtbl;
        this.headerByVtbl = headerByVtbl;
    }

    /**
     * The wanted {@code ...Vtbl} structs of a preprocessed translation unit (line markers name the header). Only
     * those: windows.h declares many others, some with function-pointer parameters this reader does not parse.
     */
    static HeaderVtbls parse(String preprocessed, Collection<String> wanted) {
        Map<String, List<CPrototype>> methods = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        Matcher struct = STRUCT.matcher(preprocessed);
        while (struct.find()) {
            String vtbl = struct.group(1);
            if (!wanted.contains(vtbl)) {
                continue;
            }
            List<CPrototype> list = new ArrayList<>();
            Matcher member = MEMBER.matcher(struct.group(2).replaceAll("(?m)^#.*$", ""));
            while (member.find()) {
                List<String[]> parameters = CPrototype.parameters(member.group(3));
                if (parameters.isEmpty()) {
                    throw new IllegalStateException(vtbl + "." + member.group(2) + " has no This parameter");
                }
                List<String[]> afterThis = parameters.subList(1, parameters.size());
                boolean hidden = !afterThis.isEmpty() && afterThis.get(0)[1].equals(CPrototype.HIDDEN_RESULT_NAME);
                list.add(new CPrototype(member.group(2), CPrototype.normalise(member.group(1)),
                        afterThis.stream().map(p -> p[0]).toList(), hidden));
            }
            methods.putIfAbsent(vtbl, List.copyOf(list));
            headers.putIfAbsent(vtbl, headerAt(preprocessed, struct.start()));
        }
        return new HeaderVtbls(methods, headers);
    }

    private static String headerAt(String text, int index) {
        Matcher marker = LINE_MARKER.matcher(text.substring(0, index));
        String header = "?";
        while (marker.find()) {
            header = marker.group(1);
        }
        return header;
    }

    Optional<List<CPrototype>> methods(String vtbl) {
        return Optional.ofNullable(methodsByVtbl.get(vtbl));
    }

    /** {@code "vss.h IVssAsyncVtbl"}: where a fact comes from, for failure messages. */
    String where(String vtbl) {
        return headerByVtbl.getOrDefault(vtbl, "?") + " " + vtbl;
    }

    /** Every parameter and return type used by the given structs (for the classifying probes). */
    List<String> types(Iterable<String> vtbls) {
        List<String> types = new ArrayList<>();
        for (String vtbl : vtbls) {
            for (CPrototype method : methodsByVtbl.getOrDefault(vtbl, List.of())) {
                types.add(method.resultType());
                types.addAll(method.declaredParameters());
            }
        }
        return types;
    }
}

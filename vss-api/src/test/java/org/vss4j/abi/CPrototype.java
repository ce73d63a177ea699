package org.vss4j.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One method's C prototype as the headers spell it: the return type and the parameter types, names dropped, without
 * the {@code This} pointer of a C vtable entry.
 *
 * @param name       the method name
 * @param returns    the return type, e.g. {@code HRESULT} or {@code VSS_ID *}
 * @param parameters the parameter types in order, e.g. {@code const IID *const}
 * @param hiddenResult whether the first parameter is the hidden result pointer a C vtable spells for a C++ member
 *                   function returning a struct: widl names it {@code __ret} and returns it
 *                   ({@code VSS_ID *(*GetCurrentSnapshotSetId)(IVssWriterImpl *This, VSS_ID *__ret)}, vswriter.h)
 */
record CPrototype(String name, String returns, List<String> parameters, boolean hiddenResult) {

    /** widl's name for the hidden result pointer. */
    static final String HIDDEN_RESULT_NAME = "__ret";

    /** {@code HRESULT QueryStatus(HRESULT *pHrResult, INT *pReserved)}: a plain declaration, every parameter named. */
    private static final Pattern DECLARATION = Pattern.compile("^\\s*(.+?)\\s*\\b(\\w+)\\s*\\((.*)\\)\\s*;?\\s*$",
            Pattern.DOTALL);
    /** A named parameter: its type, then its name (the last identifier, after a space or a {@code *}). */
    private static final Pattern NAMED = Pattern.compile("^(.*?[\\s*])\\s*([A-Za-z_]\\w*)$", Pattern.DOTALL);

    CPrototype {
        parameters = List.copyOf(parameters);
    }

    /** Parses {@code RET NAME(TYPE name, ...)}; {@code ()} and {@code (void)} have no parameters. */
    static CPrototype parse(String declaration) {
        Matcher m = DECLARATION.matcher(declaration);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a C prototype: " + declaration);
        }
        return new CPrototype(m.group(2), normalise(m.group(1)), parameterTypes(m.group(3)), false);
    }

    /** The types of a comma-separated, named parameter list (no function-pointer parameters occur in VSS). */
    static List<String> parameterTypes(String list) {
        return parameters(list).stream().map(p -> p[0]).toList();
    }

    /** Each parameter as {type, name}. */
    static List<String[]> parameters(String list) {
        List<String[]> types = new ArrayList<>();
        String trimmed = normalise(list);
        if (trimmed.isEmpty() || trimmed.equals("void")) {
            return types;
        }
        for (String parameter : trimmed.split(",")) {
            Matcher named = NAMED.matcher(parameter.trim());
            if (!named.matches() || named.group(1).isBlank()) {
                throw new IllegalArgumentException("unnamed or unparsable parameter '" + parameter.trim() + "' in ("
                        + list + ")");
            }
            types.add(new String[] {normalise(named.group(1)), named.group(2)});
        }
        return types;
    }

    /** Collapses white space so that {@code LPCWSTR  *} and {@code LPCWSTR *} are one type. */
    static String normalise(String type) {
        return type.replaceAll("\\s+", " ").replaceAll("\\s*\\*\\s*", " *")
                .replaceAll("\\*\\s+(?=\\*)", "*").trim();
    }

    /** The type the SDK method returns: the pointee of a hidden result pointer, else the return type. */
    String resultType() {
        return hiddenResult ? parameters.get(0).replaceFirst("\\s*\\*$", "") : returns;
    }

    /** The parameters the SDK declares: without a hidden result pointer. */
    List<String> declaredParameters() {
        return hiddenResult ? parameters.subList(1, parameters.size()) : parameters;
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>(parameters);
        if (hiddenResult) {
            shown.set(0, shown.get(0) + HIDDEN_RESULT_NAME);
        }
        return returns + (returns.endsWith("*") ? "" : " ") + name + "(" + String.join(", ", shown) + ")";
    }
}

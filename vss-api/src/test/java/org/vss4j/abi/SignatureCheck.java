package org.vss4j.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the native signatures a vtable enum declares ({@link ComMethod#signature()}) with the prototypes of a
 * reference (the mingw-w64 C vtable struct, or the SDK prototypes of {@link SdkSignatures}), each reference type
 * classified by {@link TypeKinds}: the same return kind, the same number of parameters, the same kind at every
 * position, and a hidden result pointer exactly where the reference has one.
 */
final class SignatureCheck {

    private SignatureCheck() {
    }

    /** One declared method. */
    record Method(String name, NativeSignature signature) {
    }

    /** The declarations of one vtable, as data: a copy of an enum's, or a changed copy in a mutation test. */
    record Declared(String iface, List<Method> methods) {
        static Declared of(Class<? extends ComMethod> vtable) {
            List<Method> methods = new ArrayList<>();
            for (ComMethod m : vtable.getEnumConstants()) {
                methods.add(new Method(m.name(), m.signature()));
            }
            return new Declared(vtable.getSimpleName(), List.copyOf(methods));
        }

        /** One export as data: {@code kernel32.FindClose INT32(POINTER)} in messages. */
        static Declared of(NativeExport export) {
            return new Declared(export.module().libraryName(),
                    List.of(new Method(export.name(), export.signature())));
        }

        /** {@code IVssAsync.Wait INT32(INT32)}: one method and its declared signature, for messages. */
        String describe(int index) {
            return iface + "." + methods.get(index).name() + " " + methods.get(index).signature();
        }

        /** This copy with method {@code index}'s signature replaced. */
        Declared with(int index, NativeSignature signature) {
            List<Method> changed = new ArrayList<>(methods);
            changed.set(index, new Method(methods.get(index).name(), signature));
            return new Declared(iface, List.copyOf(changed));
        }
    }

    /** Every mismatch, one sentence each, naming {@code where} the reference comes from; empty when it conforms. */
    static List<String> problems(Declared declared, List<CPrototype> reference, String where, TypeKinds kinds) {
        List<String> problems = new ArrayList<>();
        for (Method method : declared.methods()) {
            String subject = declared.iface() + "." + method.name() + ": Java " + method.signature() + ", ";
            Optional<CPrototype> found = reference.stream().filter(p -> p.name().equals(method.name())).findFirst();
            if (found.isEmpty()) {
                problems.add(subject + "no such method in " + where);
                continue;
            }
            CPrototype proto = found.get();
            String ref = proto + " (" + where + ")";
            Optional<NativeKind> returns = kinds.kind(proto.resultType());
            if (returns.isEmpty()) {
                problems.add(subject + "the return type " + proto.resultType() + " fits no NativeKind: " + ref);
            } else if (returns.get() != method.signature().returns()) {
                problems.add(subject + "returns " + method.signature().returns() + ", the headers "
                        + returns.get() + ": " + ref);
            }
            if (proto.hiddenResult() != method.signature().hiddenResultPointer()) {
                problems.add(subject + (proto.hiddenResult() ? "no" : "a") + " hidden result pointer, the headers "
                        + (proto.hiddenResult() ? "one" : "none") + ": " + ref);
            }
            List<String> types = proto.declaredParameters();
            List<NativeKind> params = method.signature().parameters();
            if (types.size() != params.size()) {
                problems.add(subject + params.size() + " parameter(s), the headers " + types.size() + ": " + ref);
                continue;
            }
            for (int i = 0; i < types.size(); i++) {
                Optional<NativeKind> kind = kinds.kind(types.get(i));
                if (kind.isEmpty()) {
                    problems.add(subject + "parameter " + (i + 1) + "'s type " + types.get(i)
                            + " fits no NativeKind: " + ref);
                } else if (kind.get() != params.get(i)) {
                    problems.add(subject + "parameter " + (i + 1) + " is " + params.get(i) + ", the headers' "
                            + types.get(i) + " is " + kind.get() + ": " + ref);
                }
            }
        }
        return problems;
    }

    /** A copy of the declarations with one signature changed. */
    record Mutant(String change, Declared declared) {
        static Mutant of(Declared original, int index, NativeSignature changed) {
            Declared mutated = original.with(index, changed);
            return new Mutant(original.describe(index) + " changed to " + changed, mutated);
        }
    }

    /**
     * Every single-point change of {@code declared}: each return kind and each parameter kind replaced by every other
     * kind, each parameter removed, one of each kind added at the end ({@link SingleChanges}).
     */
    static List<Mutant> mutations(Declared declared) {
        List<Mutant> out = new ArrayList<>();
        for (int m = 0; m < declared.methods().size(); m++) {
            for (NativeSignature changed : SingleChanges.of(declared.methods().get(m).signature())) {
                out.add(Mutant.of(declared, m, changed));
            }
        }
        return out;
    }
}

package org.vss4j.abi;

import java.util.ArrayList;
import java.util.List;

/**
 * Every single-point change of a native signature, for the tests that show a changed declaration is caught: the
 * return kind replaced by each other kind, each parameter kind replaced by each other kind, each parameter removed, and
 * one parameter of each kind added at the end.
 */
public final class SingleChanges {

    private SingleChanges() {
    }

    public static List<NativeSignature> of(NativeSignature s) {
        List<NativeSignature> out = new ArrayList<>();
        for (NativeKind k : NativeKind.values()) {
            if (k != s.returns()) {
                out.add(new NativeSignature(k, s.parameters()));
            }
        }
        for (int i = 0; i < s.parameters().size(); i++) {
            for (NativeKind k : NativeKind.values()) {
                if (k != NativeKind.VOID && k != s.parameters().get(i)) {
                    List<NativeKind> p = new ArrayList<>(s.parameters());
                    p.set(i, k);
                    out.add(new NativeSignature(s.returns(), p));
                }
            }
            List<NativeKind> removed = new ArrayList<>(s.parameters());
            removed.remove(i);
            out.add(new NativeSignature(s.returns(), removed));
        }
        for (NativeKind k : NativeKind.values()) {
            if (k != NativeKind.VOID) {
                List<NativeKind> added = new ArrayList<>(s.parameters());
                added.add(k);
                out.add(new NativeSignature(s.returns(), added));
            }
        }
        return out;
    }
}

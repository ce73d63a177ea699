package org.vss4j.abi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a {@link MingwLayout} with one compilation. Only when the headers reject some probes (a member or interface
 * that mingw-w64 does not declare) is a second compilation needed, without those probes; the rejected ones are then
 * reported as absent, each precisely, instead of one opaque compiler error.
 */
final class MingwLayouts {

    private MingwLayouts() {
    }

    static MingwLayout compute(MingwCompiler compiler, Path workDir, Iterable<LayoutProbe> wanted)
            throws MingwUnavailableException, IOException, InterruptedException {
        Set<LayoutProbe> probes = new LinkedHashSet<>();
        probes.add(LayoutProbe.POINTER_SIZE);
        wanted.forEach(probes::add);

        ProbeSource source = new ProbeSource(new ArrayList<>(probes));
        MingwCompiler.Compilation compilation = compiler.compile(workDir, source);
        Set<LayoutProbe> rejected = new LinkedHashSet<>();
        if (!compilation.succeeded()) {
            rejected.addAll(rejectedProbes(source, compilation));
            List<LayoutProbe> accepted = new ArrayList<>(probes);
            accepted.removeAll(rejected);
            source = new ProbeSource(accepted);
            compilation = compiler.compile(workDir, source);
            if (!compilation.succeeded()) {
                throw new IllegalStateException(compiler.executable() + " failed again without the rejected probes "
                        + rejected + ":\n" + compilation.diagnostics());
            }
        }

        Map<String, Long> byLabel = AssemblyConstants.parse(compilation.assembly(), ProbeSource.LABEL_PREFIX);
        Map<LayoutProbe, Long> values = new HashMap<>();
        for (int i = 0; i < source.probes().size(); i++) {
            Long value = byLabel.get(ProbeSource.label(i));
            if (value == null) {
                throw new IllegalStateException("no value for " + source.probes().get(i).cExpression()
                        + " (label " + ProbeSource.label(i) + ") in the assembly gcc produced");
            }
            values.put(source.probes().get(i), value);
        }
        return new MingwLayout(values, rejected, HeaderSites.parse(compilation.preprocessed()));
    }

    /** The probes gcc rejected; anything else going wrong (including missing headers) is not a probe's fault. */
    private static Set<LayoutProbe> rejectedProbes(ProbeSource source, MingwCompiler.Compilation compilation)
            throws MingwUnavailableException {
        GccDiagnostics diagnostics = GccDiagnostics.parse(compilation.diagnostics(), ProbeSource.FILE_NAME);
        if (diagnostics.missingHeader().isPresent()) {
            throw new MingwUnavailableException("the mingw-w64 header " + diagnostics.missingHeader().get()
                    + " is not installed");
        }
        Set<LayoutProbe> rejected = new LinkedHashSet<>();
        List<Integer> foreign = new ArrayList<>();
        for (int line : diagnostics.errorLines()) {
            source.probeAtLine(line).ifPresentOrElse(rejected::add, () -> foreign.add(line));
        }
        if (rejected.isEmpty() || !foreign.isEmpty() || !diagnostics.otherErrors().isEmpty()
                || rejected.contains(LayoutProbe.POINTER_SIZE)) {
            throw new IllegalStateException("the probe source does not compile for a reason other than an unknown "
                    + "type or member (errors on lines " + foreign + "):\n" + compilation.diagnostics());
        }
        return rejected;
    }
}

package org.vss4j.sim.vss;

import com.sun.jna.Pointer;
import org.vss4j.abi.struct.VssProviderProp;
import org.vss4j.com.Guids;
import org.vss4j.sim.SimulatedProvider;
import org.vss4j.sim.abi.CoTaskMem;

/**
 * Fills a caller's {@code VSS_PROVIDER_PROP} (layout: the binding's {@link VssProviderProp}, vss.h), the
 * provider elements of {@code IVssEnumObject::Next}.
 *
 * <p>Ownership: the two strings are CoTaskMem blocks the caller frees, each with {@code CoTaskMemFree} (tracked by the
 * simulator's heap, so a leak shows in the leak report).
 */
final class ProviderPropWriter {

    private ProviderPropWriter() {
    }

    static void fill(Pointer out, SimulatedProvider provider) {
        VssProviderProp p = new VssProviderProp(out);
        p.m_ProviderId = Guids.toGuid(provider.id());
        p.m_pwszProviderName = CoTaskMem.string(provider.name(), "provider name from IVssEnumObject::Next");
        p.m_eProviderType = provider.type().value();
        p.m_pwszProviderVersion = CoTaskMem.string(provider.version(), "provider version from IVssEnumObject::Next");
        p.m_ProviderVersionId = Guids.toGuid(provider.versionId());
        p.m_ClassId = Guids.toGuid(provider.classId());
        p.write();
    }
}

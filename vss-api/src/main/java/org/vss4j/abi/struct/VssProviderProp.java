package org.vss4j.abi.struct;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Guid.GUID;

/**
 * {@code VSS_PROVIDER_PROP} (vss.h), 72 bytes on x64 (4 bytes of padding after the enum at 24).
 *
 * <p>Ownership: the two {@code VSS_PWSZ} members are CoTaskMem blocks; the caller frees each with {@code CoTaskMemFree}.
 */
@NativeStruct(value = "VSS_PROVIDER_PROP", x64Size = 72)
@Structure.FieldOrder({"m_ProviderId", "m_pwszProviderName", "m_eProviderType", "m_pwszProviderVersion",
        "m_ProviderVersionId", "m_ClassId"})
public class VssProviderProp extends Structure {
    public GUID m_ProviderId;
    public Pointer m_pwszProviderName;
    /** VSS_PROVIDER_TYPE (C enum, 4 bytes). */
    public int m_eProviderType;
    public Pointer m_pwszProviderVersion;
    public GUID m_ProviderVersionId;
    public GUID m_ClassId;

    public VssProviderProp() {
        super(ALIGN_MSVC);
    }

    public VssProviderProp(Pointer p) {
        super(p, ALIGN_MSVC);
        read();
    }
}

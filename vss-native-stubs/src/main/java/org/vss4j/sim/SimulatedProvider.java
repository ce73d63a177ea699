package org.vss4j.sim;

import java.util.UUID;
import org.vss4j.ProviderType;

/**
 * The shadow copy provider of a simulated machine, as {@code IVssBackupComponents::Query(..., VSS_OBJECT_PROVIDER, ...)}
 * reports it in a {@code VSS_PROVIDER_PROP} (vss.h).
 *
 * @param id        {@code m_ProviderId}: what {@code AddToSnapshotSet} and {@code IsVolumeSupported} accept
 * @param name      {@code m_pwszProviderName}
 * @param type      {@code m_eProviderType}
 * @param version   {@code m_pwszProviderVersion}
 * @param versionId {@code m_ProviderVersionId}
 * @param classId   {@code m_ClassId}: the provider's COM class
 */
public record SimulatedProvider(UUID id, String name, ProviderType type, String version, UUID versionId,
        UUID classId) {

    /**
     * The Microsoft Software Shadow Copy provider as {@code vssadmin list providers} shows it on Windows (id, name,
     * "System" type, version 1.0.0.7). The version id and class id are the simulator's own: nothing in vss4j reads
     * them, and Windows documents no fixed values for them.
     */
    public static final SimulatedProvider MICROSOFT_SOFTWARE = new SimulatedProvider(
            UUID.fromString("b5946137-7b9f-4925-af80-51abd60b20d5"), "Microsoft Software Shadow Copy provider 1.0",
            ProviderType.SYSTEM, "1.0.0.7", UUID.fromString("00000001-0000-0000-0007-000000000001"),
            UUID.fromString("65ee1dba-8ff4-4a58-ac1c-3470ee2f376a"));
}

package org.vss4j;

import java.util.UUID;

/**
 * The properties of one shadow copy provider, copied out of a {@code VSS_PROVIDER_PROP} ({@code vss.h}) whose
 * two native strings vss4j frees.
 *
 * @param providerId the provider id, as accepted by {@code AddToSnapshotSet} and {@code IsVolumeSupported}
 * @param name       the provider name, e.g. {@code Microsoft Software Shadow Copy provider 1.0}
 * @param type       system, software, hardware or file-share provider
 * @param version    the provider version, e.g. {@code 1.0.0.7}
 * @param versionId  the id of that version
 * @param classId    the COM class id of the provider
 */
public record ProviderProperties(UUID providerId, String name, ProviderType type, String version, UUID versionId,
        UUID classId) {
}

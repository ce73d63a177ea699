package org.vss4j.abi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.struct.VssComponentInfo;
import org.vss4j.abi.struct.VssObjectProp;
import org.vss4j.abi.struct.VssProviderProp;
import org.vss4j.abi.struct.VssSnapshotProp;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;

/**
 * Reads structures from bytes placed at the Windows x64 offsets of the SDK structures (vss.h, vsbackup.h), independent
 * of the host's own alignment rules. (The offsets themselves are checked against mingw-w64 by the conformance test.)
 */
class StructLayoutTest {

    @Test
    void sizesAreTheWindowsX64Sizes() {
        assertThat(new VssSnapshotProp().size()).isEqualTo(128);
        assertThat(new VssProviderProp().size()).isEqualTo(72);
        assertThat(new VssObjectProp().size()).isEqualTo(136);
        assertThat(new VssComponentInfo().size()).isEqualTo(72);
    }

    @Test
    void readsSnapshotPropertiesAtTheDocumentedOffsets() {
        Memory m = new Memory(128);
        m.clear();
        UUID snap = UUID.randomUUID();
        UUID set = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        Memory device = Utf16.toNative("\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7");
        Guids.write(m.share(0), snap);
        Guids.write(m.share(16), set);
        m.setInt(32, 3);
        m.setPointer(40, device);
        Guids.write(m.share(88), provider);
        m.setInt(104, 0x00420009);
        m.setLong(112, 133_000_000_000_000_000L);
        m.setInt(120, 12);

        VssSnapshotProp p = new VssSnapshotProp(m);

        assertThat(Guids.toUuid(p.m_SnapshotId)).isEqualTo(snap);
        assertThat(Guids.toUuid(p.m_SnapshotSetId)).isEqualTo(set);
        assertThat(p.m_lSnapshotsCount).isEqualTo(3);
        assertThat(Utf16.read(p.m_pwszSnapshotDeviceObject)).endsWith("ShadowCopy7");
        assertThat(p.m_pwszOriginalVolumeName).isNull();
        assertThat(Guids.toUuid(p.m_ProviderId)).isEqualTo(provider);
        assertThat(p.m_lSnapshotAttributes).isEqualTo(0x00420009);
        assertThat(p.m_tsCreationTimestamp).isEqualTo(133_000_000_000_000_000L);
        assertThat(p.m_eStatus).isEqualTo(12);
    }

    @Test
    void readsComponentInfoWithOneByteBools() {
        Memory m = new Memory(72);
        m.clear();
        m.setInt(0, 2);
        m.setInt(40, 5);
        m.setByte(44, (byte) 1);
        m.setByte(45, (byte) 0);
        m.setByte(46, (byte) 1);
        m.setByte(47, (byte) 1);
        m.setInt(48, 4);
        m.setInt(52, 10);
        m.setInt(56, 11);
        m.setInt(60, 12);
        m.setInt(64, 13);

        VssComponentInfo info = new VssComponentInfo(m);

        assertThat(info.type).isEqualTo(2);
        assertThat(info.cbIcon).isEqualTo(5);
        assertThat(info.bRestoreMetadata).isEqualTo((byte) 1);
        assertThat(info.bNotifyOnBackupComplete).isZero();
        assertThat(info.bSelectable).isEqualTo((byte) 1);
        assertThat(info.bSelectableForRestore).isEqualTo((byte) 1);
        assertThat(info.dwComponentFlags).isEqualTo(4);
        assertThat(info.cFileCount).isEqualTo(10);
        assertThat(info.cDatabases).isEqualTo(11);
        assertThat(info.cLogFiles).isEqualTo(12);
        assertThat(info.cDependencies).isEqualTo(13);
    }

    @Test
    void readsAnArrayOfObjectPropsWithA136ByteStrideAndTheRightUnionMember() {
        Memory m = new Memory(136 * 2);
        m.clear();
        UUID snap = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        Memory name = Utf16.toNative("Microsoft Software Shadow Copy provider 1.0");
        m.setInt(0, 3); // VSS_OBJECT_SNAPSHOT
        Guids.write(m.share(8), snap);
        m.setInt(136, 4); // VSS_OBJECT_PROVIDER
        Guids.write(m.share(136 + 8), provider);
        m.setPointer(136 + 8 + 16, name);
        m.setInt(136 + 8 + 24, 1);

        VssObjectProp first = new VssObjectProp(m);
        VssObjectProp second = new VssObjectProp(m.share(136));

        assertThat(first.Type).isEqualTo(3);
        assertThat(Guids.toUuid(first.Obj.Snap.m_SnapshotId)).isEqualTo(snap);
        assertThat(second.Type).isEqualTo(4);
        assertThat(Guids.toUuid(second.Obj.Prov.m_ProviderId)).isEqualTo(provider);
        assertThat(Utf16.read(second.Obj.Prov.m_pwszProviderName)).startsWith("Microsoft Software");
        assertThat(second.Obj.Prov.m_eProviderType).isEqualTo(1);
    }

    @Test
    void pointerFieldsAreEightBytes() {
        assertThat(com.sun.jna.Native.POINTER_SIZE).as("vss4j supports 64-bit processes only").isEqualTo(8);
    }
}

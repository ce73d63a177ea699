package org.vss4j.abi;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Guid.GUID;
import org.vss4j.abi.struct.NativeStruct;

/**
 * Deliberately wrong bindings, to prove the conformance checks fail when the binding is wrong. They live in the test
 * package, outside {@code org.vss4j.abi.vtable}/{@code .struct}, so the catalog scan never sees them.
 */
final class AbiFakes {

    private AbiFakes() {
    }

    /** Swapped and short. */
    static final class Swapped {
        private Swapped() {
        }

        /** IVssAsync (vss.h) with Cancel and Wait swapped (real: Cancel 3, Wait 4) and QueryStatus (5) missing. */
        enum IVssAsync {
            QueryInterface, AddRef, Release, Wait, Cancel
        }
    }

    /** Misspelt. */
    static final class Misspelt {
        private Misspelt() {
        }

        /** IVssEnumObject (vss.h) with Clone misspelt: names must match the headers exactly. */
        enum IVssEnumObject {
            QueryInterface, AddRef, Release, Next, Skip, Reset, CloneEnum
        }
    }

    /** CVssWriter as the old hand-written mingw-w64 vswriter.h ordered it (2010 to Feb 2022): wrong. */
    static final class OldMingw {
        private OldMingw() {
        }

        enum CVssWriter {
            OnAbort, OnFreeze, OnPrepareSnapshot, OnThaw, ScalarDeletingDestructor, OnBackupComplete,
            OnBackupShutdown, OnIdentify, OnPostRestore, OnPostSnapshot, OnPrepareBackup, OnPreRestore,
            OnBackOffIOOnVolume, OnContinueIOOnVolume, OnVssShutdown
        }
    }

    /** An interface no header declares. */
    enum IVssNoSuchInterface {
        QueryInterface
    }

    /**
     * VSS_PROVIDER_PROP (vss.h) with {@code m_pwszProviderName} as a 4-byte int instead of a pointer: every later
     * member moves (real x64 offsets 0, 16, 24, 32, 40, 56; size 72; vss.h with x64 alignment).
     */
    @NativeStruct(value = "VSS_PROVIDER_PROP", x64Size = 72)
    @Structure.FieldOrder({"m_ProviderId", "m_pwszProviderName", "m_eProviderType", "m_pwszProviderVersion",
            "m_ProviderVersionId", "m_ClassId"})
    public static class ProviderPropWithIntName extends Structure {
        public GUID m_ProviderId;
        public int m_pwszProviderName;
        public int m_eProviderType;
        public Pointer m_pwszProviderVersion;
        public GUID m_ProviderVersionId;
        public GUID m_ClassId;

        public ProviderPropWithIntName() {
            super(ALIGN_MSVC);
        }
    }

    /** VSS_OBJECT_PROP (vss.h) with a member name that is not the C name ({@code Type}). */
    @NativeStruct(value = "VSS_OBJECT_PROP", x64Size = 136)
    @Structure.FieldOrder({"eType", "Obj"})
    public static class ObjectPropWithJavaName extends Structure {
        public int eType;
        public org.vss4j.abi.struct.VssObjectUnion Obj;

        public ObjectPropWithJavaName() {
            super(ALIGN_MSVC);
        }
    }

    /** A structure without {@code @NativeStruct}: nothing to check it against. */
    @Structure.FieldOrder({"value"})
    public static class Unannotated extends Structure {
        public int value;
    }
}

package org.vss4j.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader of function declarations, on preprocessed text shaped as gcc -E writes it for mingw-w64. */
class HeaderFunctionsTest {

    private static final String TEXT = String.join("\n",
            "# 1 \"/usr/share/mingw-w64/include/oleauto.h\" 1 3",
            "extern __attribute__((dllimport)) BSTR SysAllocStringLen(const OLECHAR *,UINT);",
            "# 40 \"/usr/share/mingw-w64/include/vsbackup.h\" 1 3",
            "static __inline HRESULT CreateVssBackupComponents(IVssBackupComponents **ppBackup) "
                    + "{ return CreateVssBackupComponentsInternal(ppBackup); }",
            "HRESULT CreateVssBackupComponentsInternal(IVssBackupComponents **ppBackup);",
            "# 9 \"/usr/share/mingw-w64/include/fileapi.h\" 1 3",
            "  __attribute__((dllimport)) WINBOOL FindClose (HANDLE hFindFile);",
            "");

    @Test
    void unnamedParametersAreTypesAndNamedOnesLoseTheirNames() {
        assertEquals(List.of("const OLECHAR *", "UINT", "unsigned char", "LPCWSTR", "unsigned int"),
                HeaderFunctions.parameterTypes("const OLECHAR *,UINT, unsigned char, LPCWSTR lpName, unsigned int n"));
        assertEquals(List.of(), HeaderFunctions.parameterTypes("void"));
    }

    @Test
    void declarationsAreFoundWithTheirHeaderAndInlineDefinitionsAreSkipped() {
        HeaderFunctions functions = new HeaderFunctions(TEXT);
        HeaderFunctions.Found alloc = functions.function("SysAllocStringLen").orElseThrow();
        assertEquals("BSTR SysAllocStringLen(const OLECHAR *, UINT)", alloc.prototype().toString());
        assertEquals("oleauto.h", alloc.header());
        HeaderFunctions.Found create = functions.function("CreateVssBackupComponentsInternal").orElseThrow();
        assertEquals("HRESULT CreateVssBackupComponentsInternal(IVssBackupComponents **)", create.prototype().toString());
        assertEquals("vsbackup.h", create.header());
        assertEquals("WINBOOL FindClose(HANDLE)", functions.function("FindClose").orElseThrow().prototype().toString());
        assertTrue(functions.function("CreateVssBackupComponents").isEmpty(), "an inline definition is no declaration");
        assertTrue(functions.function("CreateWriter").isEmpty());
    }
}

package org.vss4j.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OwningFileSetsTest {

    private static final String VOLUME = "\\\\?\\Volume{11111111-2222-3333-4444-555555555555}\\";
    private static final String OTHER = "\\\\?\\Volume{99999999-2222-3333-4444-555555555555}\\";

    private static FileSource set(String volume, String dir, String spec, boolean recursive) {
        return new FileSource(null, null, new ResolvedPath("C:\\", volume, dir), null, FileSpecPattern.of(spec),
                recursive);
    }

    /** What the index stands for: the first set of the list that matches, tried one by one. */
    private static FileSource linear(List<FileSource> sets, String volume, String dir, String name) {
        return sets.stream().filter(s -> s.matches(volume, dir, name)).findFirst().orElse(null);
    }

    @Test
    void theFirstMatchingSetOfTheListOwnsAFileWhateverItsKind() {
        List<FileSource> sets = List.of(set(VOLUME, "Windows\\System32", "*.dll", false),
                set(VOLUME, "Windows", "*", true), set(VOLUME, "Windows\\System32", "ntdll.dll", false),
                set(VOLUME, "", "pagefile.sys", false), set(VOLUME, "", "*.log", true));
        OwningFileSets owners = new OwningFileSets(sets);

        assertThat(owners.ownerOf(VOLUME, "windows\\SYSTEM32", "NTDLL.DLL")).isSameAs(sets.get(0));
        assertThat(owners.ownerOf(VOLUME, "Windows\\System32\\drivers", "x.sys")).isSameAs(sets.get(1));
        assertThat(owners.ownerOf(VOLUME, "", "pagefile.sys")).isSameAs(sets.get(3));
        assertThat(owners.ownerOf(VOLUME, "Users\\a", "setup.log")).isSameAs(sets.get(4));
        assertThat(owners.ownerOf(VOLUME, "Users\\a", "setup.txt")).isNull();
        assertThat(owners.ownerOf(OTHER, "Windows", "x.dll")).isNull();
        assertThat(new OwningFileSets(List.of()).ownerOf(VOLUME, "", "a")).isNull();
    }

    @Test
    void aDirectoryWhoseNameOnlyStartsLikeASetsIsNotBelowIt() {
        List<FileSource> sets = List.of(set(VOLUME, "Data", "*", true));
        OwningFileSets owners = new OwningFileSets(sets);

        assertThat(owners.ownerOf(VOLUME, "Data2", "f")).isNull();
        assertThat(owners.ownerOf(VOLUME, "Data\\sub", "f")).isSameAs(sets.get(0));
    }

    @Test
    void agreesWithTryingEverySetInTurnOnRandomSetsAndFiles() {
        Random r = new Random(20261201);
        String[] dirs = {"", "a", "A\\b", "a\\B\\c", "d", "d\\e", "ab"};
        String[] specs = {"*", "*.*", "*.txt", "f?.log", "F1.TXT", "g", "*.", "x*y"};
        String[] names = {"f1.txt", "F1.txt", "g", "g.txt", "fx.log", "xay", "noext", "f12.log", "a.b.c"};
        for (int round = 0; round < 200; round++) {
            List<FileSource> sets = new ArrayList<>();
            int n = 1 + r.nextInt(12);
            for (int i = 0; i < n; i++) {
                sets.add(set(r.nextInt(5) == 0 ? OTHER : VOLUME, dirs[r.nextInt(dirs.length)],
                        specs[r.nextInt(specs.length)], r.nextBoolean()));
            }
            OwningFileSets owners = new OwningFileSets(sets);
            for (String dir : dirs) {
                String asListed = r.nextBoolean() ? dir.toUpperCase() : dir;
                for (String name : names) {
                    assertThat(owners.ownerOf(VOLUME, asListed, name)).as("%s in %s of %s", name, asListed, sets)
                            .isSameAs(linear(sets, VOLUME, asListed, name));
                }
            }
        }
    }
}

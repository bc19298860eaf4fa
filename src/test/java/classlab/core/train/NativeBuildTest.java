package classlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeBuildTest {
    private static final Set<String> AVX512 = Set.of("sse4_1", "sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512dq", "avx512vl");

    @Test
    void choosesTheFastestBuildTheCpuRuns() {
        assertEquals(NativeBuild.ONEDNN_AVX2, NativeBuild.choose("Linux", "amd64", AVX512));
        assertEquals(NativeBuild.ONEDNN_AVX2, NativeBuild.choose("Linux", "amd64", Set.of("sse4_1", "avx", "avx2", "fma", "f16c")));
        assertEquals(NativeBuild.ONEDNN, NativeBuild.choose("Linux", "amd64", Set.of("sse4_1", "avx", "avx2", "fma")));
        assertEquals(NativeBuild.ONEDNN, NativeBuild.choose("Linux", "amd64", Set.of("sse4_1")));
        assertEquals(NativeBuild.GENERIC, NativeBuild.choose("Linux", "amd64", Set.of("sse", "sse2", "ssse3")));
        assertEquals(NativeBuild.GENERIC, NativeBuild.choose("Linux", "amd64", Set.of()));
        assertEquals(NativeBuild.GENERIC, NativeBuild.choose("Windows 11", "amd64", AVX512));
        assertEquals(NativeBuild.GENERIC, NativeBuild.choose("Linux", "aarch64", AVX512));
    }

    @Test
    void readsTheFlagsOfProcCpuinfo(@TempDir Path tmp) throws Exception {
        Path cpuinfo = tmp.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu sse4_2 AVX2 fma\n\nprocessor\t: 1\nflags\t: fpu\n");
        assertEquals(Set.of("fpu", "sse4_2", "avx2", "fma"), NativeBuild.cpuFlags(cpuinfo));
        assertEquals(Set.of(), NativeBuild.cpuFlags(tmp.resolve("missing")));
    }
}

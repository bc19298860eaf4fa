package classlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * After a workload's throughput, {@code bench} prints how much of the timed wall time the training thread
 * spent off its core, split into waiting for a core and stopped or blocked (Linux's schedstat).
 */
class BenchOffCpuTest {

    @Test
    void printsTheTrainingThreadsTimeOffItsCore() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/schedstat")), "no schedstat on this system");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new BenchCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .execute(List.of("--workloads", "deep_20_64x3_32_1_b8", "--quick"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^deep_20_64x3_32_1_b8_off_cpu_ms\\s+(-?[0-9.]+) ms of ([0-9.]+) ms wall: "
                + "(-?[0-9.]+) ms waiting for a core, (-?[0-9.]+) ms stopped or blocked$").matcher(out);
        assertTrue(m.find(), out);
        double off = Double.parseDouble(m.group(1)), wall = Double.parseDouble(m.group(2));
        double queued = Double.parseDouble(m.group(3)), stopped = Double.parseDouble(m.group(4));
        assertTrue(wall > 0 && off <= wall && queued >= 0, out);
        // trial 7 item 18: schedstat's stale time on the core printed "-0.5 ms stopped or blocked"
        assertTrue(off >= 0 && stopped >= 0, "no negative time off the core: " + out);
        assertTrue(!m.group().contains("-"), "no minus sign, not even -0.0: " + out);
        assertEquals(off, queued + stopped, 0.15, out);
        // bench/compare reads the throughput line; the new line must not look like one
        assertTrue(out.indexOf("deep_20_64x3_32_1_b8 ") < out.indexOf("deep_20_64x3_32_1_b8_off_cpu_ms"), out);
        assertTrue(!m.group().contains("samples/s"), out);
    }
}

package classlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code bench --count-ops} prints, after a workload's throughput, how many ND4J ops one iteration takes. */
class BenchCountOpsTest {

    @Test
    void printsOpsPerIterationAfterTheWorkload() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new BenchCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .execute(List.of("--workloads", "deep_20_64x3_32_1_b8", "--quick", "--count-ops"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^deep_20_64x3_32_1_b8_ops\\s+([0-9.]+) ND4J ops per iteration").matcher(out);
        assertTrue(m.find(), out);
        double ops = Double.parseDouble(m.group(1));
        // a forward and backward pass through five dense layers and Adam: dozens of ops (59 when written)
        assertTrue(ops > 20 && ops < 500, "ops per iteration " + ops);
        assertTrue(out.indexOf("deep_20_64x3_32_1_b8 ") < out.indexOf("deep_20_64x3_32_1_b8_ops"), out);
    }
}

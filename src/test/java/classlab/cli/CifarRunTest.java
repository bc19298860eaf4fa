package classlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.data.CifarFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run cifar --data-dir DIR} on a generated CIFAR-10-format archive: the summary the issue asks for. */
class CifarRunTest {
    @TempDir
    Path dir;

    @Test
    void runCifarOnAFolderHoldingTheArchiveWritesTheSummary() throws Exception {
        CifarFixtures.writeArchive(dir.resolve("data"), 20, 30);
        Path out = dir.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ClassLabCli.execute(new String[] {"run", "cifar", "--data-dir", dir.resolve("data").toString(), "--experiment",
                "baselines", "--epochs", "1", "--set", "mlp_epochs=1", "--out", out.toString(), "--no-figures"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode baselines = null;
        for (JsonNode e : summary.path("experiments")) if (e.path("name").asText().equals("baselines")) baselines = e;
        assertEquals("cifar10", baselines.path("dataset").asText(), summary.toPrettyString());
        assertEquals(789_258, baselines.path("params_mlp").asLong());
        assertEquals(94_538, baselines.path("params_cnn_v1").asLong());
        for (String model : new String[] {"mlp", "cnn_v1"}) {
            double acc = baselines.path("test_accuracy").path(model).asDouble(-1);
            assertTrue(acc >= 0 && acc <= 1, model + " test accuracy " + acc);
            assertTrue(baselines.path("seconds_per_epoch").path(model).asDouble() > 0, model);
        }
        // Trial 2 item 12: the default 10,000 training images are more than the data set holds; the run says what it used,
        // and the summary's settings give the number used, not the one asked for.
        int used = summary.path("settings").path("train_size").asInt(-1);
        assertTrue(used > 0 && used < 10000, summary.path("settings").toString());
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("10000 training and 2000 test images were asked for, the run uses " + used + " and "), said);
        assertTrue(baselines.path("top_confused_pairs").isArray());
        for (JsonNode p : baselines.path("top_confused_pairs")) {
            assertTrue(p.has("true") && p.has("predicted") && p.path("count").asInt() > 0, p.toString());
        }
    }

    /** Without CIFAR-10 the command line names the folder and the address to get it from, in the run's language. */
    @Test
    void withoutCifarTheRunSaysWhereToPutIt() {
        Path mnistMini = Path.of(System.getProperty("classlab.mnistMini", "../shared/data/mnist-mini"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ClassLabCli.execute(new String[] {"run", "cifar", "--data-dir", mnistMini.toString(), "--experiment", "baselines",
                "--epochs", "1", "--set", "mlp_epochs=1", "--set", "train_size=200", "--set", "test_size=100", "--lang", "ko",
                "--out", dir.resolve("out").toString(), "--no-figures"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, said);
        assertTrue(said.contains("CIFAR-10이 없어서 이번 실행은 MNIST를 씁니다"), said);
        assertTrue(said.contains(classlab.core.data.CifarSource.DEFAULT_URL.toString()), said);
        assertTrue(said.contains("cifar-10-binary.tar.gz"), said);
    }
}

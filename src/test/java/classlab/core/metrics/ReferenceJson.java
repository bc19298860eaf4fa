package classlab.core.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the PyTorch / scikit-learn reference files of {@code ../shared/reference}
 * ({@link classlab.testsupport.SharedData#reference()}) for tests.
 */
public final class ReferenceJson {
    private ReferenceJson() {
    }

    public static JsonNode load(String fileName) {
        Path file = classlab.testsupport.SharedData.reference().resolve(fileName);
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + file, e);
        }
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asDouble();
        return out;
    }

    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }

    public static double[][] matrix(JsonNode array) {
        double[][] out = new double[array.size()][];
        for (int i = 0; i < out.length; i++) out[i] = doubles(array.get(i));
        return out;
    }

    /** Asserts |actual - expected| <= rel * max(|expected|, 1e-12) with a helpful message. */
    public static void assertRelClose(double expected, double actual, double rel, String what) {
        double tol = rel * Math.max(Math.abs(expected), 1e-12);
        if (!(Math.abs(actual - expected) <= tol)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (rel tol " + rel + ")");
        }
    }
}

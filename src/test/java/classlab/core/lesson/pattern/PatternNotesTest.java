package classlab.core.lesson.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The instructor notes of the pattern lesson read aloud true on any data set (trial 3, item 2): a
 * count or accuracy of the notebook's full MNIST is marked as the notebook's, since the app on
 * mnist-mini trains far fewer than 792 updates per epoch in tab D.
 */
class PatternNotesTest {
    /** Marker of a notebook figure, per language. */
    private static final Map<String, String> NOTEBOOK = Map.of("en", "notebook", "ko", "노트북");

    @Test
    void fullMnistNumbersAreMarkedAsTheNotebooks() throws IOException {
        for (Map.Entry<String, String> lang : NOTEBOOK.entrySet()) {
            String notes = read("/lessons/pattern/instructor." + lang.getKey() + ".md");
            for (String line : notes.split("\n")) {
                if (line.contains("792") || line.contains("1,584") || line.contains("0.45") || line.contains("0.97")) {
                    assertTrue(line.contains(lang.getValue()), lang.getKey() + ": " + line);
                }
            }
        }
        // the notes' formula: 12,665 images of 0 and 1 in batches of 16 (the last one has 9)
        assertEquals(792, (12_665 + 15) / 16);
    }

    private static String read(String path) throws IOException {
        try (InputStream in = PatternNotesTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package classlab.core.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * One Korean term per idea across the lessons (trial 3, item 10): "학습 손실" (not "훈련 손실"),
 * "그래디언트" (not "기울기"), parameter labels "Dropout p" (not "드롭아웃 p"); the gradient bar
 * charts name their layers as the table beside them does ("1층", not "layer1").
 */
class KoreanTermsTest {
    @Test
    void eachIdeaHasOneKoreanTerm() throws IOException {
        List<String> ids = new ArrayList<>();
        for (LessonCatalog.Entry e : LessonCatalog.load().entries()) ids.add(e.id());
        Properties common = load("/lessons/common_ko.properties");
        List<Properties> all = new ArrayList<>(List.of(common));
        for (String id : ids) all.add(load("/lessons/" + id + "/strings_ko.properties"));
        for (Properties p : all) {
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                assertFalse(v.contains("훈련 손실"), key + "=" + v);
                assertFalse(v.contains("기울기"), key + "=" + v);
                if (key.startsWith("param.") && !key.endsWith(".help")) assertFalse(v.contains("드롭아웃"), key + "=" + v);
            }
        }
        Properties bn = load("/lessons/batchnorm-gradients/strings_ko.properties");
        for (int layer = 1; layer <= 5; layer++) assertEquals(bn.getProperty("column.layer" + layer), bn.getProperty("layer" + layer));
        // trial 5, item 27: the scratch gradient table's rows are Korean beside each other ("Dropout, inverted" stayed English)
        Properties scratch = load("/lessons/scratch/strings_ko.properties");
        for (String key : scratch.stringPropertyNames()) {
            if (key.startsWith("layer.dropout_")) assertTrue(scratch.getProperty(key).matches(".*[가-힣].*"), key + "=" + scratch.getProperty(key));
        }
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = KoreanTermsTest.class.getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

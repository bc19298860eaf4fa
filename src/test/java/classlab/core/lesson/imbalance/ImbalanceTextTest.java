package classlab.core.lesson.imbalance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The explanation of the "samples per class" chart describes what the chart draws (trial 3, item 5):
 * the chart colours its two groups (balanced, imbalanced) by the theme's palette, the same for every
 * digit, so the text names the groups as its legend does and no colour of majority or minority classes.
 */
class ImbalanceTextTest {
    private static final List<String> COLOURS = List.of("red", "blue", "orange", "빨강", "파랑", "빨간", "파란", "주황");

    @Test
    void classCountParagraphNamesTheLegendsGroupsAndNoColour() throws IOException {
        Map<String, String> heading = Map.of("en", "**Figure: samples per class.**", "ko", "**그림: 클래스별 샘플 수**");
        Map<String, List<String>> groups = Map.of("en", List.of("balanced", "imbalanced"), "ko", List.of("균형", "불균형"));
        for (String lang : heading.keySet()) {
            String paragraph = read("/lessons/imbalance/text." + lang + ".md").lines()
                    .filter(l -> l.startsWith(heading.get(lang))).findFirst().orElseThrow();
            for (String colour : COLOURS) assertFalse(paragraph.contains(colour), lang + " names '" + colour + "': " + paragraph);
            for (String group : groups.get(lang)) assertTrue(paragraph.contains(group), lang + " names " + group);
        }
    }

    private static String read(String path) throws IOException {
        try (InputStream in = ImbalanceTextTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

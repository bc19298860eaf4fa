package classlab.ui.widget;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.lesson.CommonParams;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExportStampTest {
    private static final Function<String, String> TEXT = k -> Map.of(
            "export.stamp.seed", "seed {0}", "export.stamp.defaults", "notebook defaults").getOrDefault(k, k);

    /**
     * Trial 8: a figure of multiclass's tab A, exported after tab A's run, said tab C's "seed 43052" and
     * "Epochs 20". A run's stamp names the settings and the seed of its own tab only.
     */
    @Test
    void aTabsExportNamesItsOwnSeedAndSettingsOnly() {
        List<ParamSpec> params = List.of(
                ParamSpec.integer("binary_seed", 0, 0, Integer.MAX_VALUE).in("a"),
                ParamSpec.integer("binary_epochs", 5, 1, 100).in("a"),
                CommonParams.seed(43052).in("c"),
                ParamSpec.integer("epochs", 10, 1, 100).in("c"));
        ParamValues defaults = ParamValues.defaults(params);
        ParamValues used = defaults.with("epochs", "20").with("binary_seed", "7");
        LocalDateTime when = LocalDateTime.of(2026, 12, 2, 8, 30);

        String tabA = ExportStamp.of("Lesson", null, "a", used, defaults, TEXT, when).line();
        assertTrue(tabA.contains("seed 7"), tabA);
        assertFalse(tabA.contains("43052") || tabA.contains("epochs"), tabA);
        assertTrue(tabA.contains("notebook defaults"), "the seed is said once, not again as a changed setting: " + tabA);

        String tabC = ExportStamp.of("Lesson", null, "c", used, defaults, TEXT, when).line();
        assertTrue(tabC.contains("seed 43052") && tabC.contains("epochs"), tabC);
        assertFalse(tabC.contains("seed 7") || tabC.contains("binary"), tabC);
    }
}

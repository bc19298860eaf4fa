package classlab.core.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.Figure;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every lesson of the navigator: complete text and labels in both languages, a default experiment, unique figure ids. */
class LessonCatalogTest {
    private static final List<String> EXPECTED = List.of("pattern", "multiclass", "regularization", "imbalance",
            "schedules", "roc-smoothing", "cifar", "scratch", "batchnorm-gradients");

    @Test
    void theNavigatorListsTheLessonsInNotebookOrder() {
        assertEquals(EXPECTED, LessonCatalog.load().entries().stream().map(LessonCatalog.Entry::id).toList());
    }

    @Test
    void everyLessonHasTextNotesAndLabelsInKoreanAndEnglish() {
        for (LessonCatalog.Entry e : LessonCatalog.load().entries()) {
            LessonModel model = e.factory().apply(TestEnvironments.mnistMini());
            assertEquals(e.id(), model.id());
            assertEquals(List.of(), LessonStringsCoverage.missing(model), e.id());
            for (String lang : LessonStrings.LANGUAGES) {
                assertFalse(e.title(lang).equals(e.id()), e.id() + " has a " + lang + " title");
                for (String doc : List.of("text", "instructor")) {
                    String path = "/lessons/" + e.id() + "/" + doc + "." + lang + ".md";
                    assertTrue(LessonCatalogTest.class.getResource(path) != null, path);
                }
            }
            assertTrue(model.experiments().stream().filter(Experiment::isDefault).count() == 1, e.id() + " has one default experiment");
            Set<String> ids = new HashSet<>();
            for (Figure f : model.allFigures()) assertTrue(ids.add(f.id()), e.id() + ": figure id " + f.id() + " is unique (it names the exported file)");
            for (Experiment x : model.experiments()) assertTrue(model.sections().contains(x.section()), x.name() + " belongs to a section with figures");
        }
    }
}

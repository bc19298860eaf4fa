package classlab.core.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The lessons ClassLab offers, in navigator order: titles and notebook groups come from
 * {@code /lessons/catalog.json} (data), the models from {@link #FACTORIES} (code). A lesson is
 * listed only when both exist, so the navigator never shows a lesson that cannot run.
 */
public final class LessonCatalog {
    /** One lesson: id, its notebook group and localised titles, and how to build its model. */
    public record Entry(String id, String notebook, Map<String, String> groupTitle, Map<String, String> title,
                        Function<LessonEnvironment, LessonModel> factory) {
        public String title(String lang) { return title.getOrDefault(lang, id); }
        public String groupTitle(String lang) { return groupTitle.getOrDefault(lang, notebook); }
    }

    private static final Map<String, Function<LessonEnvironment, LessonModel>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("pattern", classlab.core.lesson.pattern.PatternLesson::new);
        FACTORIES.put("multiclass", classlab.core.lesson.multiclass.MulticlassLesson::new);
        FACTORIES.put("regularization", classlab.core.lesson.regularization.RegularizationLesson::new);
        FACTORIES.put("imbalance", classlab.core.lesson.imbalance.ImbalanceLesson::new);
        FACTORIES.put("schedules", classlab.core.lesson.schedules.SchedulesLesson::new);
        FACTORIES.put("roc-smoothing", classlab.core.lesson.rocsmoothing.RocSmoothingLesson::new);
        FACTORIES.put("scratch", classlab.core.lesson.scratch.ScratchLesson::new);
        FACTORIES.put("batchnorm-gradients", classlab.core.lesson.bngradients.BatchNormGradientsLesson::new);
        FACTORIES.put("cifar", classlab.core.lesson.cifar.CifarLesson::new);
    }

    private final List<Entry> entries;

    private LessonCatalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static LessonCatalog load() {
        try (InputStream in = LessonCatalog.class.getResourceAsStream("/lessons/catalog.json")) {
            if (in == null) throw new IllegalStateException("/lessons/catalog.json is missing from the classpath");
            JsonNode root = new ObjectMapper().readTree(in);
            List<Entry> entries = new ArrayList<>();
            for (JsonNode group : root.path("groups")) {
                Map<String, String> groupTitle = texts(group.path("title"));
                for (JsonNode lesson : group.path("lessons")) {
                    String id = lesson.path("id").asText();
                    Function<LessonEnvironment, LessonModel> factory = FACTORIES.get(id);
                    if (factory != null) {
                        entries.add(new Entry(id, group.path("notebook").asText(), groupTitle, texts(lesson.path("title")), factory));
                    }
                }
            }
            return new LessonCatalog(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /lessons/catalog.json", e);
        }
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    public List<Entry> entries() { return entries; }

    /** @throws IllegalArgumentException naming the unknown id and the known ones */
    public Entry find(String id) {
        for (Entry e : entries) if (e.id().equals(id)) return e;
        List<String> ids = new ArrayList<>();
        for (Entry e : entries) ids.add(e.id());
        throw new IllegalArgumentException("unknown lesson '" + id + "'; lessons: " + String.join(", ", ids));
    }
}

package classlab.core.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import classlab.core.train.MetricLog;
import classlab.core.train.RunControl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The catalogue's promise "the same seed gives the same curves", per lesson: one short experiment run
 * twice in fresh models gives a byte-identical {@code metrics.csv} (what {@code run} writes), and another
 * seed gives a different one (so the comparison can fail).
 */
class LessonDeterminismTest {

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(delimiter = '|', value = {
        "pattern|full_batch|epochs=3",
        "multiclass|three_class|epochs=2",
        "regularization|both|epochs=1;train_size=300;test_size=100",
        "imbalance|sampler|epochs=1;train_size=500;test_size=200",
        "schedules|early_stopping|epochs=2;train_size=300;test_size=100",
        "roc-smoothing|roc|epochs=1;train_size=300;test_size=100",
        "scratch|init_mnist|epochs=1;train_size=200;test_size=100",
        "batchnorm-gradients|bn_effect|bn_effect_epochs=1;bn_effect_batch_size=64",
    })
    void sameSeedSameMetricsCsv(String lesson, String experiment, String settings) throws Exception {
        String first = metricsCsv(lesson, experiment, settings, 42);
        assertEquals(first, metricsCsv(lesson, experiment, settings, 42), lesson + "/" + experiment + " with seed 42 twice");
        assertNotEquals(first, metricsCsv(lesson, experiment, settings, 7), "another seed must change the run");
    }

    private static String metricsCsv(String lessonId, String experiment, String settings, long seed) throws Exception {
        LessonModel model = LessonCatalog.load().find(lessonId).factory().apply(TestEnvironments.mnistMini());
        ParamValues values = model.defaults().with("seed", Long.toString(seed));
        for (String kv : settings.split(";")) {
            String[] parts = kv.split("=", 2);
            values = values.with(parts[0], parts[1]);
        }
        MetricLog log = new MetricLog();
        model.run(experiment, values, RunControl.unattended(log));
        return log.toCsv();
    }
}

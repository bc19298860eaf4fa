package classlab.core.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.lesson.bngradients.BatchNormGradientsLesson;
import classlab.core.lesson.cifar.CifarLesson;
import classlab.core.lesson.scratch.ScratchLesson;
import classlab.core.train.TrainingEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the run bar's progress line reads at every mini-batch of a run with several networks (trial 5,
 * items 4 to 6 and 22): the network being trained, as configuration n of all the run's
 * configurations, from its first mini-batch. It read the previous network with a full bar through a
 * whole epoch of the next one ("MLP · 에폭 5/5" while CNN_V1 trained), "Momentum — 구성 2/2" with
 * four optimizers to come, or only "반복 38" through the first epoch.
 */
class ProgressLineTest {
    /** One mini-batch as the progress line saw it. */
    private record Seen(int network, String label, int configuration, int configurations, int epoch) {}

    private static List<Seen> run(LessonModel lesson, String experiment, ParamValues values) throws Exception {
        TrainingEngine engine = new TrainingEngine(() -> { });
        List<Seen> seen = new ArrayList<>();
        engine.addIterationListener((iteration, network, loss) -> {
            TrainingEngine.Progress p = engine.progress();
            seen.add(new Seen(network, p.label(), p.configuration(), p.configurations(), p.epoch()));
        });
        Throwable[] failed = new Throwable[1];
        engine.start(control -> {
            try {
                lesson.run(experiment, values, control);
            } catch (Throwable t) {
                failed[0] = t;
            }
        }, false);
        assertTrue(engine.await(10, TimeUnit.MINUTES), "run ends");
        assertNull(failed[0], () -> String.valueOf(failed[0]));
        return seen;
    }

    /** Every mini-batch shows its own network as configuration n of {@code configurations}; each network one label. */
    private static void assertNamesEachNetwork(List<Seen> seen, int configurations) {
        assertFalse(seen.isEmpty());
        Map<Integer, String> labels = new HashMap<>();
        for (Seen s : seen) {
            assertFalse(s.label().isEmpty(), "no label at " + s);
            assertEquals(s.network(), s.configuration(), "configuration at " + s);
            assertEquals(configurations, s.configurations(), "configurations at " + s);
            assertEquals(labels.computeIfAbsent(s.network(), n -> s.label()), s.label(), "label of network " + s.network());
        }
        assertEquals(configurations, labels.size());
        assertEquals(configurations, new java.util.HashSet<>(labels.values()).size(), "one label per network: " + labels);
    }

    @Test
    void cifarBaselinesNameTheCnnFromItsFirstMiniBatch() throws Exception {
        CifarLesson lesson = new CifarLesson(TestEnvironments.mnistMini());
        ParamValues v = lesson.defaults().with("dataset", "mnist").with("train_size", "300").with("test_size", "200")
                .with("epochs", "1").with("mlp_epochs", "1").with("cnn_width", "4");
        assertNamesEachNetwork(run(lesson, "baselines", v), 2);
    }

    @Test
    void scratchOptimizersCountAllSixConfigurations() throws Exception {
        ScratchLesson lesson = new ScratchLesson(TestEnvironments.mnistMini());
        ParamValues v = lesson.defaults().with("train_size", "300").with("test_size", "200").with("epochs", "1");
        assertNamesEachNetwork(run(lesson, "optimizers_mnist", v), 6);
    }

    @Test
    void batchNormEffectNamesTheSecondNetworkFromItsFirstMiniBatch() throws Exception {
        BatchNormGradientsLesson lesson = new BatchNormGradientsLesson(TestEnvironments.mnistMini());
        ParamValues v = lesson.defaults().with("bn_effect_epochs", "1").with("bn_effect_batch_size", "256");
        assertNamesEachNetwork(run(lesson, "bn_effect", v), 2);
    }
}

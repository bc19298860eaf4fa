package classlab.core.train.schedule;

import classlab.core.metrics.ReferenceJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static classlab.core.metrics.ReferenceJson.assertRelClose;
import static classlab.core.metrics.ReferenceJson.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every epoch's learning rate against PyTorch 1.13 (schedules.json: lr0 0.3, 60 epochs). */
class ScheduleReferenceTest {
    private static final double REL = 1e-6;
    private static JsonNode ref;
    private static double lr0;

    @BeforeAll
    static void load() {
        ref = ReferenceJson.load("schedules.json");
        lr0 = ref.get("lr0").asDouble();
    }

    private static void assertAllEpochs(LrSchedule schedule, JsonNode node) {
        double[] expected = doubles(node.get("lrs"));
        assertEquals(ref.get("epochs").asInt(), expected.length);
        for (int e = 0; e < expected.length; e++) {
            assertRelClose(expected[e], schedule.lrAt(e), REL, schedule.name() + " epoch " + e);
        }
    }

    @Test
    void stepLR() {
        JsonNode n = ref.get("step");
        assertAllEpochs(new StepLR(lr0, n.get("step_size").asInt(), n.get("gamma").asDouble()), n);
    }

    @Test
    void cosineAnnealingLR() {
        JsonNode n = ref.get("cosine");
        assertAllEpochs(new CosineAnnealingLR(lr0, n.get("t_max").asInt(), n.get("eta_min").asDouble()), n);
    }

    @Test
    void cosineAnnealingWarmRestarts() {
        JsonNode n = ref.get("cosine_warm_restarts");
        assertAllEpochs(new CosineAnnealingWarmRestarts(lr0, n.get("t0").asInt(), n.get("t_mult").asInt(),
                n.get("eta_min").asDouble()), n);
    }

    @Test
    void exponentialLR() {
        JsonNode n = ref.get("exponential");
        assertAllEpochs(new ExponentialLR(lr0, n.get("gamma").asDouble()), n);
    }

    /**
     * lrs[i] is the rate used in epoch i, read before {@code step(val_losses[i])}: the rate first
     * drops at index 25, right after the sixth epoch (19..24) without improving on 0.380167 (epoch 18).
     */
    @Test
    void reduceLROnPlateauReproducesPyTorch() {
        JsonNode n = ref.get("reduce_on_plateau");
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(lr0,
                ReduceLROnPlateau.Mode.valueOf(n.get("mode").asText().toUpperCase()),
                n.get("factor").asDouble(), n.get("patience").asInt(), n.get("threshold").asDouble(),
                ReduceLROnPlateau.ThresholdMode.valueOf(n.get("threshold_mode").asText().toUpperCase()), 0, 0.0);
        double[] losses = doubles(n.get("val_losses"));
        double[] lrs = doubles(n.get("lrs"));
        for (int e = 0; e < losses.length; e++) {
            assertRelClose(lrs[e], plateau.lrAt(e), REL, "lr used in epoch " + e);
            double next = plateau.step(losses[e]);
            assertEquals(plateau.currentLr(), next);
            if (e + 1 < lrs.length) assertRelClose(lrs[e + 1], next, REL, "lr returned by step in epoch " + e);
        }
        plateau.reset();
        assertEquals(lr0, plateau.currentLr());
        // the same run through the generic LrSchedule interface, built from text parameters
        LrSchedule generic = ScheduleSpec.of(plateau).build();
        for (int e = 0; e < losses.length; e++) {
            assertRelClose(lrs[e], generic.lrAt(e), REL, "spec-built plateau, epoch " + e);
            generic.observe(losses[e]);
        }
    }
}

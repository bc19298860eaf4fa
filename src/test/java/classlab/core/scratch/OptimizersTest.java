package classlab.core.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import classlab.core.metrics.ReferenceJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The six optimizers' 30-step paths on x²/20 + y² equal torch.optim's ({@code reference/optimizers.json}, 1e-5). */
class OptimizersTest {
    /** Reference key → (id, learning rate) as named in the file, e.g. {@code adagrad_lr1.5}. */
    private static Optimizer fromKey(String key) {
        String id = key.substring(0, key.indexOf('_'));
        String lr = key.replaceAll(".*_lr([0-9.]+).*", "$1");
        return Optimizers.create(id, Double.parseDouble(lr));
    }

    @Test
    void sixPathsEqualTheReference() {
        JsonNode ref = ReferenceJson.load("optimizers.json");
        int steps = ref.get("steps").asInt();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = ref.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optimizer opt = fromKey(e.getKey());
            double[][] path = OptimizerRace.path(Surface.BOWL, opt, steps);
            assertEquals(steps + 1, e.getValue().size());
            for (int t = 0; t <= steps; t++) {
                assertEquals(e.getValue().get(t).get(0).asDouble(), path[t][0], 1e-5, e.getKey() + " x at step " + t);
                assertEquals(e.getValue().get(t).get(1).asDouble(), path[t][1], 1e-5, e.getKey() + " y at step " + t);
            }
            checked++;
        }
        assertEquals(Optimizers.IDS.size(), checked);
    }

    @Test
    void theNotebooksSignSlipClimbsTheBowl() {
        // The notebook's SGD: θ ← θ + lr·g. One step from (−7, 2) with lr 0.95 moves away from the minimum.
        double[] p = Surface.BOWL.start();
        double[] g = Surface.BOWL.gradient(p[0], p[1]);
        double slipped = Surface.BOWL.value(p[0] + 0.95 * g[0], p[1] + 0.95 * g[1]);
        double[][] path = OptimizerRace.path(Surface.BOWL, Optimizers.create("sgd", 0.95), 1);
        double correct = Surface.BOWL.value(path[1][0], path[1][1]);
        assertEquals(true, slipped > Surface.BOWL.value(p[0], p[1]) && correct < Surface.BOWL.value(p[0], p[1]));
    }

    @Test
    void resetForgetsTheStateAndBadUseIsRejected() {
        for (String id : Optimizers.IDS) {
            Optimizer a = Optimizers.create(id, 0.1);
            double[][] first = OptimizerRace.path(Surface.BOWL, a, 5);
            double[][] again = OptimizerRace.path(Surface.BOWL, a, 5);   // path() calls init → fresh state
            assertEquals(first[5][0], again[5][0], 0.0, id);
            a.init(2);
            a.step(new double[][] {{1, 1}}, new double[][] {{1, 1}});
            a.reset();
            double[][] p = {{1, 1}};
            a.step(p, new double[][] {{1, 1}});
            Optimizer fresh = Optimizers.create(id, 0.1);
            fresh.init(2);
            double[][] q = {{1, 1}};
            fresh.step(q, new double[][] {{1, 1}});
            assertEquals(q[0][0], p[0][0], 0.0, id + ": after reset a step equals a fresh optimizer's first step");
            assertThrows(IllegalStateException.class, () -> Optimizers.create(id, 0.1).step(new double[][] {{1}}, new double[][] {{1}}));
        }
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create("lbfgs", 0.1));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create("sgd", 0));
    }
}

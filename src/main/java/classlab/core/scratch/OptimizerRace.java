package classlab.core.scratch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several optimizers descending one {@link Surface} from its start point, one step at a time
 * ("Deep Learning from Scratch" §6.1.7, figure 6-8). A path that leaves the finite numbers or
 * runs beyond 1e6 stops and is marked diverged. Not thread-safe.
 */
public final class OptimizerRace {
    /** Where one runner is; {@code divergedAt} is the step at which it left the surface, or −1. */
    public record Position(double x, double y, int divergedAt) {}

    private static final double ESCAPE = 1e6;

    private final Surface surface;
    private final Map<String, Optimizer> optimizers = new LinkedHashMap<>();
    private final Map<String, double[]> points = new LinkedHashMap<>();
    private final Map<String, Integer> diverged = new LinkedHashMap<>();
    private int step;

    /** @param optimizers the runners; each is initialised for one 2-element parameter array */
    public OptimizerRace(Surface surface, List<Optimizer> optimizers) {
        this.surface = surface;
        for (Optimizer o : optimizers) {
            o.init(2);
            this.optimizers.put(o.id(), o);
            points.put(o.id(), surface.start());
        }
    }

    public Surface surface() { return surface; }

    /** Steps taken so far. */
    public int step() { return step; }

    /** Advances every runner that has not diverged by one optimizer step. */
    public void advance() {
        step++;
        for (Map.Entry<String, Optimizer> e : optimizers.entrySet()) {
            if (diverged.containsKey(e.getKey())) continue;
            double[] p = points.get(e.getKey());
            double[] g = surface.gradient(p[0], p[1]);
            e.getValue().step(new double[][] {p}, new double[][] {g});
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1]) || Math.abs(p[0]) > ESCAPE || Math.abs(p[1]) > ESCAPE) {
                diverged.put(e.getKey(), step);
            }
        }
    }

    /** Current positions by optimizer id, in the order given. */
    public Map<String, Position> positions() {
        Map<String, Position> out = new LinkedHashMap<>();
        points.forEach((id, p) -> out.put(id, new Position(p[0], p[1], diverged.getOrDefault(id, -1))));
        return out;
    }

    /** The path of one optimizer over {@code steps} steps, {@code [steps + 1][2]} starting at the surface's start. */
    public static double[][] path(Surface surface, Optimizer optimizer, int steps) {
        OptimizerRace race = new OptimizerRace(surface, List.of(optimizer));
        List<double[]> path = new ArrayList<>();
        path.add(surface.start());
        for (int t = 0; t < steps; t++) {
            race.advance();
            Position p = race.positions().get(optimizer.id());
            path.add(new double[] {p.x(), p.y()});
        }
        return path.toArray(new double[0][]);
    }
}

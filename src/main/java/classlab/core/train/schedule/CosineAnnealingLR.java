package classlab.core.train.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PyTorch's {@code CosineAnnealingLR} in its closed form
 * {@code etaMin + (lr0 − etaMin) · (1 + cos(π · t / tMax)) / 2}.
 *
 * <p>Beyond {@code tMax} the formula is not clamped: the cosine keeps going, so the rate climbs
 * back to {@code lr0} at {@code 2·tMax} and repeats with period {@code 2·tMax}. That is what
 * PyTorch's closed form and its recursive {@code step()} both produce when training runs
 * longer than {@code T_max}; choose {@code tMax} = number of epochs to anneal once.
 */
public final class CosineAnnealingLR implements LrSchedule {
    private final double lr0;
    private final int tMax;
    private final double etaMin;

    public CosineAnnealingLR(double lr0, int tMax, double etaMin) {
        ScheduleSpec.requirePositive("lr0", lr0);
        if (tMax < 1) throw new IllegalArgumentException("t_max must be >= 1, got " + tMax);
        if (!(etaMin >= 0) || etaMin > lr0) {
            throw new IllegalArgumentException("eta_min must be in [0, lr0 = " + lr0 + "], got " + etaMin);
        }
        this.lr0 = lr0;
        this.tMax = tMax;
        this.etaMin = etaMin;
    }

    @Override public double lrAt(int epoch) {
        return lrAt(epoch, 0.0);
    }

    @Override public double lrAt(int epoch, double fractionOfEpoch) {
        double t = epoch + fractionOfEpoch;
        return etaMin + (lr0 - etaMin) * (1 + Math.cos(Math.PI * t / tMax)) / 2;
    }

    @Override public String name() { return "cosine"; }

    @Override public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lr0", lr0);
        p.put("t_max", tMax);
        p.put("eta_min", etaMin);
        return p;
    }

    public double getLr0() { return lr0; }

    public int getTMax() { return tMax; }

    public double getEtaMin() { return etaMin; }
}

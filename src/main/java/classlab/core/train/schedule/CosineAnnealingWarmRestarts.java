package classlab.core.train.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PyTorch's {@code CosineAnnealingWarmRestarts} (SGDR): cosine annealing from {@code lr0} to
 * {@code etaMin} over a period of {@code t0} epochs, then a restart at {@code lr0}; each period
 * is {@code tMult} times longer than the previous one ({@code tMult} = 1: fixed period).
 */
public final class CosineAnnealingWarmRestarts implements LrSchedule {
    private final double lr0;
    private final int t0;
    private final int tMult;
    private final double etaMin;

    public CosineAnnealingWarmRestarts(double lr0, int t0, int tMult, double etaMin) {
        ScheduleSpec.requirePositive("lr0", lr0);
        if (t0 < 1) throw new IllegalArgumentException("t0 must be >= 1, got " + t0);
        if (tMult < 1) throw new IllegalArgumentException("t_mult must be an integer >= 1, got " + tMult);
        if (!(etaMin >= 0) || etaMin > lr0) {
            throw new IllegalArgumentException("eta_min must be in [0, lr0 = " + lr0 + "], got " + etaMin);
        }
        this.lr0 = lr0;
        this.t0 = t0;
        this.tMult = tMult;
        this.etaMin = etaMin;
    }

    @Override public double lrAt(int epoch) {
        return lrAt(epoch, 0.0);
    }

    @Override public double lrAt(int epoch, double fractionOfEpoch) {
        double tCur = epoch + fractionOfEpoch;
        double period = t0;
        // walk through the completed periods; exact for integer epochs, unlike PyTorch's log formula
        while (tCur >= period) {
            tCur -= period;
            period *= tMult;
        }
        return etaMin + (lr0 - etaMin) * (1 + Math.cos(Math.PI * tCur / period)) / 2;
    }

    @Override public String name() { return "cosine_warm_restarts"; }

    @Override public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lr0", lr0);
        p.put("t0", t0);
        p.put("t_mult", tMult);
        p.put("eta_min", etaMin);
        return p;
    }

    public double getLr0() { return lr0; }

    public int getT0() { return t0; }

    public int getTMult() { return tMult; }

    public double getEtaMin() { return etaMin; }
}

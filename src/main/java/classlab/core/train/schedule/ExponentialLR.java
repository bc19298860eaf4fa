package classlab.core.train.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code lr0 · gamma^epoch}, PyTorch's {@code ExponentialLR}. */
public final class ExponentialLR implements LrSchedule {
    private final double lr0;
    private final double gamma;

    public ExponentialLR(double lr0, double gamma) {
        ScheduleSpec.requirePositive("lr0", lr0);
        ScheduleSpec.requirePositive("gamma", gamma);
        this.lr0 = lr0;
        this.gamma = gamma;
    }

    @Override public double lrAt(int epoch) {
        return lr0 * Math.pow(gamma, epoch);
    }

    @Override public String name() { return "exponential"; }

    @Override public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lr0", lr0);
        p.put("gamma", gamma);
        return p;
    }

    public double getLr0() { return lr0; }

    public double getGamma() { return gamma; }
}

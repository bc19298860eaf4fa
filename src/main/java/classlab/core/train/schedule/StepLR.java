package classlab.core.train.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code lr0 · gamma^floor(epoch / stepSize)}, PyTorch's {@code StepLR}. */
public final class StepLR implements LrSchedule {
    private final double lr0;
    private final int stepSize;
    private final double gamma;

    public StepLR(double lr0, int stepSize, double gamma) {
        ScheduleSpec.requirePositive("lr0", lr0);
        if (stepSize < 1) throw new IllegalArgumentException("step_size must be >= 1, got " + stepSize);
        ScheduleSpec.requirePositive("gamma", gamma);
        this.lr0 = lr0;
        this.stepSize = stepSize;
        this.gamma = gamma;
    }

    @Override public double lrAt(int epoch) {
        return lr0 * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
    }

    @Override public String name() { return "step"; }

    @Override public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lr0", lr0);
        p.put("step_size", stepSize);
        p.put("gamma", gamma);
        return p;
    }

    public double getLr0() { return lr0; }

    public int getStepSize() { return stepSize; }

    public double getGamma() { return gamma; }
}

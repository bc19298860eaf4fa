package classlab.core.train.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same learning rate in every epoch (no scheduler in the notebook). Not PyTorch's
 * {@code ConstantLR}, which multiplies the rate by a factor for the first few epochs.
 */
public final class ConstantLR implements LrSchedule {
    private final double lr0;

    public ConstantLR(double lr0) {
        ScheduleSpec.requirePositive("lr0", lr0);
        this.lr0 = lr0;
    }

    @Override public double lrAt(int epoch) { return lr0; }

    @Override public String name() { return "constant"; }

    @Override public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lr0", lr0);
        return p;
    }

    public double getLr0() { return lr0; }
}

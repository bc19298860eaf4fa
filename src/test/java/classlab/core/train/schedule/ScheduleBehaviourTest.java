package classlab.core.train.schedule;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Documented behaviour that the 60-epoch reference does not reach. */
class ScheduleBehaviourTest {

    @Test
    void cosineContinuesPeriodicallyBeyondTMax() {
        CosineAnnealingLR c = new CosineAnnealingLR(0.1, 10, 0.0);
        assertEquals(0.0, c.lrAt(10), 1e-15);           // minimum at tMax
        assertEquals(c.lrAt(7), c.lrAt(13), 1e-15);     // rises again symmetrically
        assertEquals(0.1, c.lrAt(20), 1e-15);           // back to lr0 at 2·tMax
        assertEquals(c.lrAt(3), c.lrAt(23), 1e-15);
    }

    @Test
    void cosineFractionOfEpochInterpolatesContinuously() {
        CosineAnnealingLR c = new CosineAnnealingLR(0.1, 10, 0.0);
        assertEquals(c.lrAt(5), c.lrAt(4, 1.0), 1e-15);
        assertEquals(0.05, c.lrAt(5, 0.0), 1e-15);      // halfway: cos(pi/2) = 0
        double mid = c.lrAt(2, 0.5);
        assertTrue(mid < c.lrAt(2) && mid > c.lrAt(3));
        assertEquals(new StepLR(0.1, 2, 0.5).lrAt(3), new StepLR(0.1, 2, 0.5).lrAt(3, 0.9));
    }

    @Test
    void warmRestartsWithGrowingPeriods() {
        // t0 = 2, tMult = 2: periods [0,2) [2,6) [6,14)
        CosineAnnealingWarmRestarts s = new CosineAnnealingWarmRestarts(1.0, 2, 2, 0.0);
        assertEquals(1.0, s.lrAt(0), 1e-15);
        assertEquals(0.5, s.lrAt(1), 1e-15);
        assertEquals(1.0, s.lrAt(2), 1e-15);
        assertEquals(0.5, s.lrAt(4), 1e-15);            // middle of the 4-epoch period
        assertEquals(1.0, s.lrAt(6), 1e-15);
        assertEquals(0.5, s.lrAt(10), 1e-15);
        assertEquals(0.5, s.lrAt(3, 1.0), 1e-15);       // 3 + 1.0 epochs = epoch 4
    }

    @Test
    void plateauModeMaxAbsoluteThresholdCooldownAndMinLr() {
        ReduceLROnPlateau p = new ReduceLROnPlateau(1.0, ReduceLROnPlateau.Mode.MAX, 0.5, 1, 0.1,
                ReduceLROnPlateau.ThresholdMode.ABS, 1, 0.3);
        assertEquals(1.0, p.step(0.50));   // first value is best
        assertEquals(1.0, p.step(0.55));   // not > best + 0.1: bad 1
        assertEquals(0.5, p.step(0.52));   // bad 2 > patience 1: halve, cooldown 1
        assertEquals(0.5, p.step(0.40));   // cooldown: counter cleared
        assertEquals(0.5, p.step(0.40));   // bad 1
        assertEquals(0.3, p.step(0.40));   // bad 2: max(0.25, minLr 0.3)
        p.step(0.1);
        p.step(0.1);
        p.step(0.1);
        assertEquals(0.3, p.currentLr());  // already at minLr
        assertEquals(0.50, p.best());
    }

    @Test
    void specUsesNotebookDefaultsAndRoundTrips() {
        LrSchedule step = ScheduleSpec.of("step").build();
        assertInstanceOf(StepLR.class, step);
        assertEquals(0.1, step.lrAt(14));
        assertEquals(0.05, step.lrAt(15), 1e-15);
        for (String name : ScheduleSpec.names()) {
            LrSchedule s = new ScheduleSpec(name, Map.of("lr0", "0.3")).build();
            assertEquals(name, s.name());
            LrSchedule copy = ScheduleSpec.of(s).build();
            assertEquals(s.parameters(), copy.parameters());
            for (int e = 0; e < 40; e++) assertEquals(s.lrAt(e), copy.lrAt(e), name + " epoch " + e);
        }
    }

    @Test
    void specReportsEveryBadValue() {
        ScheduleSpec bad = new ScheduleSpec("step", Map.of("lr0", "-0.1", "gamma", "0", "step_size", "2.5", "gama", "1"));
        List<String> problems = bad.problems();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(m -> m.startsWith("lr0 must be > 0")), problems.toString());
        assertTrue(problems.stream().anyMatch(m -> m.startsWith("gamma must be > 0")), problems.toString());
        assertTrue(problems.stream().anyMatch(m -> m.startsWith("step_size must be a whole number")), problems.toString());
        assertTrue(problems.stream().anyMatch(m -> m.startsWith("unknown parameter 'gama'")), problems.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::build);
        assertTrue(e.getMessage().startsWith("schedule step: "), e.getMessage());

        assertTrue(new ScheduleSpec("cosine", Map.of("eta_min", "0.5")).problems().get(0).startsWith("eta_min must be <= lr0"));
        assertTrue(new ScheduleSpec("reduce_on_plateau", Map.of("mode", "up")).problems().get(0).contains("min|max"));
        assertTrue(new ScheduleSpec("reduce_on_plateau", Map.of("factor", "1")).problems().get(0).contains("(0, 1)"));
        assertTrue(new ScheduleSpec("exponential", Map.of("gamma", "abc")).problems().get(0).contains("must be a number"));
        assertTrue(ScheduleSpec.of("linear").problems().get(0).startsWith("unknown schedule 'linear'"));
        assertTrue(ScheduleSpec.of("cosine_warm_restarts").problems().isEmpty());
    }

    @Test
    void constructorsRejectBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new StepLR(0.1, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ExponentialLR(0.1, -1));
        assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingLR(Double.NaN, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingWarmRestarts(0.1, 5, 0, 0));
    }
}

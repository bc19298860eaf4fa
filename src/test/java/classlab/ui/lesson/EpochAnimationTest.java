package classlab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import classlab.core.figure.LineFigure;
import org.junit.jupiter.api.Test;

/** The GIF frames' fixed axes (trial 2 item 15: y ticks read "2.02, 1.801, 1.301, 0.8008, 0.3008"). */
class EpochAnimationTest {
    @Test
    void framesGetAYRangeOnWholeTicks() {
        assertArrayEquals(new double[] {0, 2.5}, EpochAnimation.niceRange(0.3008, 2.02, false), 1e-12);
        assertArrayEquals(new double[] {0.01, 10}, EpochAnimation.niceRange(0.03, 2.02, true), 1e-12);
        LineFigure loss = new LineFigure("train_loss", "t", "axis.epoch", "axis.train_loss");
        loss.series("a").add(1, 2.02);
        loss.series("a").add(2, 0.8008);
        loss.series("a").add(3, 0.3008);
        LineFigure frame = EpochAnimation.upTo(loss, 1);
        assertEquals(0.0, frame.yMin(), 1e-12);
        assertEquals(2.5, frame.yMax(), 1e-12);
        assertEquals(3.0, frame.xMax(), 1e-12, "the whole run's epochs from the first frame");
    }
}

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

    /** Trial 4, item 6: the GIF of imbalance's exercise 2 drew Weighted loss blue (orange on screen) and no faded run #3. */
    @Test
    void framesHaveTheChartsColoursAndItsEarlierRuns() {
        LineFigure recall = new LineFigure("recall", "t", "axis.epoch", "axis.recall")
                .shareColors(new classlab.core.figure.ColorSlots().reserve("none", "loss", "sampler"));
        for (String s : new String[] {"loss", "sampler"}) {
            recall.series(s).add(1, 0.5);
            recall.series(s).add(2, 0.7);
        }
        recall.setPrevious(java.util.List.of(new LineFigure.Previous("loss · #3", "loss", false, new double[] {1, 2}, new double[] {0.2, 0.9}, "#3")));
        LineFigure frame = EpochAnimation.upTo(recall, 1);
        assertEquals(1, frame.colorSlot("loss"), "the colour the lesson gives it, not its place in the figure");
        assertEquals(2, frame.colorSlot("sampler"));
        assertEquals(java.util.List.of("loss · #3"), frame.previousSeries().stream().map(LineFigure.Series::name).toList());
        assertEquals("loss", frame.previousSeries().get(0).colorKey());
        assertEquals(2, frame.previousSeries().get(0).size(), "the earlier run whole, under the frame's points");
        assertEquals(0.2, frame.yMin(), 1e-12, "the y axis holds the earlier run too (the live curves span 0.5-0.7)");
        assertEquals(1.0, frame.yMax(), 1e-12);
    }
}

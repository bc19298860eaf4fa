package classlab.core.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Trial report 3, item 15: a strategy had one colour on one tab and another on the next. */
class ColorSlotsTest {
    @Test
    void aNameKeepsItsSlotInEveryFigureWhereItIsFree() {
        ColorSlots lesson = new ColorSlots();
        LineFigure all = new LineFigure("all", "t", "x", "y").shareColors(lesson);
        LineFigure two = new LineFigure("two", "t", "x", "y").shareColors(lesson);
        LineFigure clash = new LineFigure("clash", "t", "x", "y").shareColors(lesson);
        all.series("a");
        all.series("b");
        all.series("c");
        two.series("c");
        two.series("b");
        assertEquals(2, two.colorSlot("c"), "c is the third colour on both tabs");
        assertEquals(1, two.colorSlot("b"));
        clash.series("z");
        clash.series("a");
        assertEquals(0, clash.colorSlot("z"), "a name new to the lesson takes the lowest free slot");
        assertEquals(1, clash.colorSlot("a"), "a's slot is taken here: the lowest free one, never a duplicate colour");
        LineFigure alone = new LineFigure("alone", "t", "x", "y");
        alone.series("c");
        assertEquals(0, alone.colorSlot("c"), "a figure that shares nothing counts its own names");
    }

    @Test
    void reservedNamesTakeTheirSlotsWhateverFigureAsksFirst() {
        ColorSlots lesson = new ColorSlots().reserve("plain", "weighted", "sampler");
        LineFigure exercise = new LineFigure("ex", "t", "x", "y").shareColors(lesson);
        LineFigure comparison = new LineFigure("cmp", "t", "x", "y").shareColors(lesson);
        exercise.series("weighted");
        exercise.series("sampler");
        comparison.series("plain");
        comparison.series("weighted");
        comparison.series("sampler");
        assertEquals(1, exercise.colorSlot("weighted"));
        assertEquals(2, exercise.colorSlot("sampler"));
        assertEquals(1, comparison.colorSlot("weighted"));
        assertEquals(2, comparison.colorSlot("sampler"));
    }
}

package classlab.core.lesson;

import static org.junit.jupiter.api.Assertions.assertTrue;

import classlab.core.figure.Figure;
import classlab.core.figure.LineFigure;
import org.junit.jupiter.api.Test;

/**
 * No tab shows two charts of the loss per mini-batch (trial 3: pattern's tab D showed "Loss per
 * mini-batch (iteration)" and the pane's "(live)" side by side, the same curve twice): a section
 * whose own figure plots the run's raw mini-batch losses gets no live chart from the pane. (scratch's
 * optimizer and initialisation tabs keep both: their own chart overlays the networks' losses averaged
 * over log_every iterations, the live one shows every mini-batch as the networks train in turn.)
 */
class IterationLossChartsTest {
    @Test
    void aSectionWithItsOwnIterationLossGetsNoLiveCopy() {
        for (LessonCatalog.Entry e : LessonCatalog.load().entries()) {
            if (e.id().equals("scratch")) continue;
            LessonModel model = e.factory().apply(TestEnvironments.mnistMini());
            for (String section : model.sections()) {
                long own = model.figures(section).stream().filter(IterationLossChartsTest::lossPerIteration).count();
                boolean live = model.experiments().stream().anyMatch(x -> x.section().equals(section)) && model.showsIterationLoss(section);
                assertTrue(own + (live ? 1 : 0) <= 1, e.id() + "/" + section + ": " + own + " own + live " + live);
            }
        }
    }

    private static boolean lossPerIteration(Figure f) {
        return f instanceof LineFigure l && "axis.iteration".equals(l.xLabelKey()) && "axis.loss".equals(l.yLabelKey());
    }
}

package classlab.core.classroom;

import classlab.core.UserException;
import classlab.core.figure.BarFigure;
import classlab.core.figure.Figure;
import classlab.core.figure.GridFigure;
import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.LessonModel;
import classlab.core.train.RunControl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plays a recorded run back into a lesson's figures without training: curves over epochs (or
 * iterations) grow one step per tick at the chosen speed, and the figures that a run fills at its
 * end (tables, bars, grids, ROC curves) appear after the last step. Pause, Step and Stop work as
 * in training: every tick passes {@link RunControl#checkpoint()}.
 */
public final class RunReplay {
    /** x-axis labels of curves that grow during a run; curves over other axes are drawn at the end. */
    static final Set<String> PROGRESSIVE_X = Set.of("axis.epoch", "axis.iteration");

    private RunReplay() {}

    /**
     * @param stepsPerSecond ticks per second (one tick = one epoch of every growing curve); &gt; 0
     * @throws UserException if the run is of another lesson or names a figure the lesson does not
     *         have (recorded by another ClassLab version)
     * @throws IllegalArgumentException for a speed that is not positive
     */
    public static void play(LessonModel model, RunRecord run, RunControl control, double stepsPerSecond) throws InterruptedException {
        if (!run.lesson().equals(model.id())) {
            throw new UserException(null, "error.run_file.other_lesson", run.lesson(), model.id());
        }
        if (!(stepsPerSecond > 0)) throw new IllegalArgumentException("speed must be positive, got " + stepsPerSecond);
        model.beforeReplay(run.experiment(), run.settingsOver(model.defaults()));
        Map<String, Figure> figures = new HashMap<>();
        for (Figure f : model.allFigures()) figures.put(f.id(), f);
        List<RunRecord.Curve> growing = new ArrayList<>();
        List<RunRecord.Curve> atEnd = new ArrayList<>();
        TreeSet<Double> ticks = new TreeSet<>();
        for (RunRecord.Curve c : run.curves()) {
            LineFigure line = figure(figures, c.figure(), LineFigure.class);
            if (PROGRESSIVE_X.contains(line.xLabelKey())) {
                growing.add(c);
                for (double x : c.x()) ticks.add(x);
            } else {
                atEnd.add(c);
            }
        }
        long pauseNanos = Math.round(1e9 / stepsPerSecond);
        int[] next = new int[growing.size()];
        int step = 0;
        for (double t : ticks) {
            control.checkpoint();
            for (int i = 0; i < growing.size(); i++) {
                RunRecord.Curve c = growing.get(i);
                LineFigure.Series s = series(figures, c);
                while (next[i] < c.x().length && c.x()[next[i]] <= t) {
                    s.add(c.x()[next[i]], c.y()[next[i]]);
                    next[i]++;
                }
            }
            control.progress(run.experiment(), ++step, ticks.size());
            sleep(pauseNanos, control);
        }
        for (RunRecord.Curve c : atEnd) series(figures, c).set(c.x(), c.y());
        for (RunRecord.TableRow row : run.tableRows()) {
            figure(figures, row.figure(), ResultTable.class).putRow(row.key(), row.cells().toArray());
        }
        for (RunRecord.Bar b : run.bars()) figure(figures, b.figure(), BarFigure.class).set(b.group(), b.category(), b.value());
        Map<String, List<GridFigure.Panel>> panels = new LinkedHashMap<>();
        for (RunRecord.Grid g : run.grids()) {
            panels.computeIfAbsent(g.figure(), k -> new ArrayList<>())
                  .add(new GridFigure.Panel(g.caption(), g.values(), g.rowLabels(), g.colLabels(), g.showValues()));
        }
        panels.forEach((id, list) -> figure(figures, id, GridFigure.class).setPanels(list));
        for (RunRecord.Metric m : run.metrics()) control.log(m.experiment(), m.epoch(), m.metric(), m.value());
    }

    private static LineFigure.Series series(Map<String, Figure> figures, RunRecord.Curve c) {
        LineFigure line = figure(figures, c.figure(), LineFigure.class);
        return c.rightAxis() ? line.rightSeries(c.series()) : line.series(c.series());
    }

    private static <F extends Figure> F figure(Map<String, Figure> figures, String id, Class<F> type) {
        Figure f = figures.get(id);
        if (!type.isInstance(f)) throw new UserException(null, "error.run_file.figure", id);
        return type.cast(f);
    }

    /** Waits one tick in short slices, so Stop ends a slow replay at once. */
    private static void sleep(long nanos, RunControl control) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && !control.stopRequested(); left = end - System.nanoTime()) {
            Thread.sleep(Math.max(1, Math.min(50, left / 1_000_000)));
        }
    }
}

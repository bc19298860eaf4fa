package classlab.core.classroom;

import classlab.core.figure.LineFigure;
import classlab.core.figure.ResultTable;
import classlab.core.lesson.Experiment;
import classlab.core.lesson.ExperimentResult;
import classlab.core.lesson.LessonModel;
import classlab.core.lesson.ParamSpec;
import classlab.core.lesson.ParamValues;
import classlab.core.train.RunControl;
import java.util.List;
import java.util.Map;

/**
 * A lesson without DL4J for the classroom tests: configurations {@code a}, {@code b}, {@code c} (or
 * {@code all}) each draw a loss curve {@code loss = lr·k/epoch} and put a results row.
 */
class FakeLesson extends LessonModel {
    final LineFigure loss = figure("experiment", new LineFigure("loss", "figure.loss", "axis.epoch", "axis.loss"));
    final ResultTable results = figure("experiment", new ResultTable("results", "figure.results",
            List.of("column.config", "column.final_loss")));

    FakeLesson() { super(null); }

    @Override public String id() { return "fake"; }

    @Override public List<ParamSpec> params() {
        return List.of(ParamSpec.integer("seed", 42, 0, 1000), ParamSpec.integer("epochs", 3, 1, 100),
                ParamSpec.real("lr", 0.1, 0.0, 1.0), ParamSpec.real("demo_p", 0.5, 0, 1).asDemo());
    }

    @Override public List<Experiment> experiments() {
        return List.of(new Experiment("all", "experiment", true), new Experiment("a", "experiment", false),
                new Experiment("b", "experiment", false), new Experiment("c", "experiment", false));
    }

    @Override public ExperimentResult run(String experiment, ParamValues values, RunControl control) {
        List<String> configs = experiment.equals("all") ? List.of("a", "b", "c") : List.of(experiment);
        double last = 0;
        for (String c : configs) {
            int k = c.charAt(0) - 'a' + 1;
            loss.removeSeries("series." + c);
            LineFigure.Series s = loss.series("series." + c);
            for (int e = 1; e <= values.getInt("epochs"); e++) {
                control.checkpoint();
                last = values.getDouble("lr") * k / e;
                s.add(e, last);
                control.log(c, e, "loss", last);
            }
            results.putRow(c, "series." + c, last);
        }
        return new ExperimentResult(experiment, values.getInt("epochs"), Map.of("loss", last));
    }
}

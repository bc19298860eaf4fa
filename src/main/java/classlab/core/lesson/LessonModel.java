package classlab.core.lesson;

import classlab.core.figure.Figure;
import classlab.core.figure.FigureSelection;
import classlab.core.train.RunControl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The UI-free model of one lesson pane: its parameters, experiments and figures. The pane and the
 * command line drive the same model. Figures are created once (in the constructor) and filled by
 * {@link #run} on the training thread or by {@link #updateDemos} on a worker thread; the UI polls
 * them. A model instance serves one pane (or one CLI run) at a time.
 *
 * <p>Sections are the pane's tabs (for example {@code demo}, {@code experiment}, {@code exercise1});
 * their labels are the message keys {@code section.<id>}.
 */
public abstract class LessonModel {
    private final LessonEnvironment env;
    private final Map<String, List<Figure>> figuresBySection = new LinkedHashMap<>();
    private final classlab.core.figure.ColorSlots colors = new classlab.core.figure.ColorSlots();

    protected LessonModel(LessonEnvironment env) {
        this.env = env;
    }

    public abstract String id();

    public abstract List<ParamSpec> params();

    public abstract List<Experiment> experiments();

    /**
     * The experiments {@code run LESSON} trains when no {@code --experiment} is named, in the order of
     * {@link #experiments()}: all of them but those another experiment already trains (regularization's four
     * configurations are the parts of all_four). Lessons with such parts override this.
     */
    public List<Experiment> experimentsOfAFullRun() {
        return experiments();
    }

    /**
     * Runs one experiment to its end (or until the control stops it), filling this model's figures.
     * Called on the training thread.
     */
    public abstract ExperimentResult run(String experiment, ParamValues values, RunControl control) throws Exception;

    /**
     * Called on the training thread before a recorded run of {@code experiment} with {@code values}
     * is played back into the figures ({@code RunReplay}), which fills series but trains nothing: a
     * lesson whose figures take part of their configuration from the settings (a panel title naming
     * its batch size) sets it here as {@link #run} would. Default: nothing.
     */
    public void beforeReplay(String experiment, ParamValues values) {}

    /**
     * Recomputes the instant (no training) figures from the demo parameters. Called off the FX
     * thread whenever a demo parameter changes, and once when the pane opens. Default: nothing.
     */
    public void updateDemos(ParamValues values) throws Exception {}

    /**
     * The settings a run of {@code values} actually uses, when the lesson had to replace one: the
     * cifar lesson answers {@code dataset=mnist} while CIFAR-10 is missing and it falls back to MNIST.
     * Run records, {@code summary.json} and export stamps keep these; the form says which value is
     * in use beside the chosen one. Known after {@link #updateDemos} or {@link #run}. Default:
     * {@code values} unchanged.
     */
    public ParamValues inEffect(ParamValues values) { return values; }

    /**
     * Whether the pane adds its live loss-per-mini-batch chart to this section. Default: every
     * section with an experiment; a lesson whose experiments in a section train no network (an
     * optimizer race on a 2-D surface, a gradient check) answers false there, so no empty chart shows.
     */
    public boolean showsIterationLoss(String section) { return true; }

    /**
     * The user clicked a cell or an image of the {@link Figure#isSelectable() selectable} figure
     * {@code figureId} (for example a confusion-matrix cell: {@code selection.row()} = true class,
     * {@code selection.col()} = predicted class); the model answers by filling another figure (the
     * images of that cell). Called on the pane's worker thread (the one that runs
     * {@link #updateDemos}, never concurrently with it, never on the FX thread), possibly while
     * {@link #run} trains on the training thread: guard state shared with {@code run}. The command
     * line never calls it. An exception's message is shown to the user, so make it a localised one.
     * Default: nothing.
     *
     * @param figureId  {@link Figure#id()} of the clicked figure, one of this model's figures
     * @param selection panel, row and column as documented in {@link FigureSelection}
     */
    public void select(String figureId, FigureSelection selection) throws Exception {}

    /**
     * The network this lesson trains on MNIST digits, for classifying a digit a student draws; empty
     * for lessons that train no digit classifier. Default: empty.
     */
    public java.util.Optional<DigitClassifier> digitClassifier() { return java.util.Optional.empty(); }

    protected LessonEnvironment env() { return env; }

    /**
     * Registers a figure under a section; returns it for assignment to a field. Line and bar figures
     * share the lesson's {@link #colors() colour slots}: a configuration keeps its colour on every tab.
     */
    protected <F extends Figure> F figure(String section, F figure) {
        figuresBySection.computeIfAbsent(section, s -> new ArrayList<>()).add(figure);
        if (figure instanceof classlab.core.figure.LineFigure line) line.shareColors(colors);
        if (figure instanceof classlab.core.figure.BarFigure bars) bars.shareColors(colors);
        return figure;
    }

    /** The colour slots of this lesson's line and bar figures (to {@link classlab.core.figure.ColorSlots#reserve reserve} an order). */
    protected classlab.core.figure.ColorSlots colors() { return colors; }

    /**
     * Colours {@code live}, a figure the pane adds (the loss per mini-batch of the networks a run
     * trains one after another), with the colours this lesson's figures give the same series names
     * ({@link classlab.core.figure.LineFigure#followColors}).
     */
    public void colourLikeLesson(classlab.core.figure.LineFigure live) { live.followColors(colors); }

    /** Whether one of this lesson's line or bar figures has drawn (or reserved) a series named {@code name}. */
    public boolean coloursSeries(String name) { return colors.slotOf(name) != null; }

    public List<String> sections() { return new ArrayList<>(figuresBySection.keySet()); }

    public List<Figure> figures(String section) { return List.copyOf(figuresBySection.getOrDefault(section, List.of())); }

    public List<Figure> allFigures() {
        List<Figure> all = new ArrayList<>();
        figuresBySection.values().forEach(all::addAll);
        return all;
    }

    public ParamValues defaults() { return ParamValues.defaults(params()); }

    public Experiment experiment(String name) {
        for (Experiment e : experiments()) if (e.name().equals(name)) return e;
        List<String> names = new ArrayList<>();
        for (Experiment e : experiments()) names.add(e.name());
        throw new IllegalArgumentException("lesson " + id() + " has no experiment '" + name + "'; experiments: " + String.join(", ", names));
    }

    /**
     * The experiment that a section's tab runs: the section's default experiment, else its first;
     * empty for a section without experiments (an explanation or demo-only tab).
     */
    public java.util.Optional<Experiment> experimentOf(String section) {
        return experiments().stream().filter(e -> e.section().equals(section))
                .min((a, b) -> Boolean.compare(b.isDefault(), a.isDefault()));
    }

    public Experiment defaultExperiment() {
        for (Experiment e : experiments()) if (e.isDefault()) return e;
        return experiments().get(0);
    }

    /** Clears the figures filled by training (Reset); demo figures are redrawn by the caller. */
    public void reset() {
        for (Figure f : allFigures()) f.clear();
    }
}

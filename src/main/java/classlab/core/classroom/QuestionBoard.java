package classlab.core.classroom;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The state of a lesson's predict-then-reveal questions: each student prediction, the outcome of
 * the first finished run of the question's experiment after it, and whether the teacher has
 * revealed the notebook's answer. Shared by the lesson pane (projector) and the presenter window.
 * Thread-safe; listeners are called on the changing thread.
 */
public final class QuestionBoard {
    /**
     * One question's state.
     *
     * @param prediction the option index (choice) or value (number), or null before a prediction
     * @param outcome    what the run gave, or null before a run has answered it
     * @param run        the name of the run that answered it ({@link RunRecord#label}: "#3" or a deferred
     *                   message), or null before
     */
    public record State(Double prediction, Question.Outcome outcome, String run, boolean revealed) {
        static final State EMPTY = new State(null, null, null, false);

        /** Whether a prediction was made and the outcome matches it. */
        public boolean right(Question q) {
            return prediction != null && outcome != null && q.isRight(prediction, outcome);
        }
    }

    private final List<Question> questions;
    private final Map<String, State> states = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public QuestionBoard(List<Question> questions) {
        this.questions = List.copyOf(questions);
    }

    /** Follows a lesson's runs: a finished run answers its experiment's open questions. */
    public QuestionBoard follow(RunHistory history) {
        // Runs that ended after the predictions, in the order they end (a replay too); runs restored from
        // files at start-up answer nothing.
        java.util.Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        history.runs().forEach(r -> seen.add(r.number()));
        history.addListener(() -> {
            RunRecord last = history.last();
            for (RunRecord r : history.runs()) {
                if (seen.add(r.number()) && r == last && !(r.fromFile() && !r.source().replayed())) answer(r);
            }
        });
        return this;
    }

    public List<Question> questions() { return questions; }

    /** The questions answered by one experiment's runs. */
    public List<Question> questions(String experiment) {
        return questions.stream().filter(q -> q.experiment().equals(experiment)).toList();
    }

    public synchronized State state(String questionId) { return states.getOrDefault(questionId, State.EMPTY); }

    public void addListener(Runnable l) { listeners.add(l); }

    public void removeListener(Runnable l) { listeners.remove(l); }

    /**
     * Records a prediction (an option index for a choice).
     *
     * @throws IllegalStateException if a run has already answered a prediction of the question (predict again first);
     *         a question only showing a run's result (nobody predicted) takes a prediction for the next run
     */
    public void predict(String questionId, double prediction) {
        synchronized (this) {
            State s = state(questionId);
            if (s.outcome() != null && s.prediction() != null) throw new IllegalStateException("question " + questionId + " is already answered");
            states.put(questionId, new State(prediction, null, null, false));
        }
        fire();
    }

    /** Clears a question's prediction, outcome and reveal, for a new round. */
    public void again(String questionId) {
        synchronized (this) { states.remove(questionId); }
        fire();
    }

    /** Shows or hides the notebook's answer on the projector. */
    public void reveal(String questionId, boolean revealed) {
        synchronized (this) {
            State s = state(questionId);
            states.put(questionId, new State(s.prediction(), s.outcome(), s.run(), revealed));
        }
        fire();
    }

    /**
     * A finished run answers every open question of its experiment (a stopped run answers none), and
     * shows its result on the questions nobody predicted: those followed run #1 while the charts showed
     * #2 (trial 3, item 16). An answered prediction keeps the run that answered it.
     */
    void answer(RunRecord run) {
        if (!run.outcome().equals("FINISHED")) return;
        boolean changed = false;
        synchronized (this) {
            for (Question q : questions(run.experiment())) {
                State s = state(q.id());
                if (s.outcome() != null && s.prediction() != null) continue;
                states.put(q.id(), new State(s.prediction(), q.outcome(run.results()), run.label(), s.revealed()));
                changed = true;
            }
        }
        if (changed) fire();
    }

    private void fire() {
        for (Runnable l : listeners) l.run();
    }
}

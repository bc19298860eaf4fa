package classlab.ui.classroom;

import classlab.core.classroom.Question;
import classlab.core.classroom.QuestionBoard;
import classlab.core.lesson.LessonStrings;
import classlab.ui.fx.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The lesson's question cards (predict before Run, compare after), on the projector or the presenter's screen. */
public final class QuestionsView extends VBox {
    private final QuestionBoard board;
    private final List<QuestionCard> cards = new ArrayList<>();
    private final Runnable listener = () -> Platform.runLater(this::update);

    /**
     * @param presenter true on the teacher's screen: answers always shown
     */
    public QuestionsView(QuestionBoard board, Messages text, LessonStrings strings, boolean presenter) {
        super(10);
        this.board = board;
        setId(presenter ? "presenterQuestions" : "questions");
        Label title = new Label(text.get("questions.title"));
        title.getStyleClass().add("panel-title");
        Label hint = new Label(text.get(board.questions().isEmpty() ? "questions.none" : "questions.hint"));
        hint.setWrapText(true);
        getChildren().addAll(title, hint);
        for (Question q : board.questions()) {
            QuestionCard card = new QuestionCard(q, board, text, strings, presenter);
            cards.add(card);
            getChildren().add(card);
        }
        board.addListener(listener);
    }

    private void update() { for (QuestionCard c : cards) c.update(); }

    /** Stops following the board (the view is being replaced). */
    public void detach() { board.removeListener(listener); }
}

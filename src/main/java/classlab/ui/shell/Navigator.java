package classlab.ui.shell;

import classlab.core.lesson.LessonCatalog;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** The lesson tree: one group per notebook, lessons under it, titles in the current language. */
final class Navigator {
    private final TreeView<Object> tree;
    private final LessonCatalog catalog;
    private final Supplier<String> language;

    Navigator(TreeView<Object> tree, LessonCatalog catalog, Supplier<String> language, Consumer<String> open) {
        this.tree = tree;
        this.catalog = catalog;
        this.language = language;
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item.getValue() instanceof LessonCatalog.Entry e) open.accept(e.id());
        });
        tree.setCellFactory(tv -> new TreeCell<>() {
            private final Tooltip fullTitle = new Tooltip();

            {
                // No wider than the list: a long title ends in "…" (the full title in the tooltip)
                // instead of running under the edge behind a horizontal scrollbar.
                setPrefWidth(0);
                setTextOverrun(OverrunStyle.ELLIPSIS);
            }

            @Override protected void updateItem(Object value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().remove("nav-group");
                if (empty || value == null) {
                    setText(null);
                } else if (value instanceof LessonCatalog.Entry e) {
                    setText(e.title(language.get()));
                } else {
                    setText(value.toString());
                    getStyleClass().add("nav-group");
                }
                fullTitle.setText(getText());
                setTooltip(getText() == null ? null : fullTitle);
            }
        });
        rebuild();
    }

    void rebuild() {
        TreeItem<Object> rootItem = new TreeItem<>();
        TreeItem<Object> group = null;
        String notebook = null;
        for (LessonCatalog.Entry e : catalog.entries()) {
            if (!e.notebook().equals(notebook)) {
                notebook = e.notebook();
                group = new TreeItem<>(e.notebook() + " · " + e.groupTitle(language.get()));
                group.setExpanded(true);
                rootItem.getChildren().add(group);
            }
            group.getChildren().add(new TreeItem<>(e));
        }
        tree.setRoot(rootItem);
    }

    /** Selects the lesson's item (which opens it, unless it is already selected). */
    void select(String lessonId) {
        for (TreeItem<Object> g : tree.getRoot().getChildren()) {
            for (TreeItem<Object> item : g.getChildren()) {
                if (((LessonCatalog.Entry) item.getValue()).id().equals(lessonId)
                        && tree.getSelectionModel().getSelectedItem() != item) {
                    tree.getSelectionModel().select(item);
                }
            }
        }
    }
}

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
    /** The cell width the list's cells were last measured at. */
    private double measuredWidth;
    /** Where the skin starts a title's text in its cell, per tree level (px from the cell's left edge). */
    private final java.util.Map<Integer, Double> textOffsets = new java.util.HashMap<>();

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
                // A cell narrowed after it was measured (the list's scroll bar appeared, the divider moved):
                // measure every cell again at the new width, once per width.
                widthProperty().addListener((o, a, w) -> {
                    if (w.doubleValue() > 0 && Math.abs(w.doubleValue() - measuredWidth) > 0.5) {
                        measuredWidth = w.doubleValue();
                        javafx.application.Platform.runLater(tree::refresh);
                    }
                });
                // No wider than the list: a long title wraps onto more lines (every title cut to "…" at
                // 1280 px and on a projector) instead of running under the edge behind a horizontal
                // scrollbar; a word longer than the list ends in "…" (the full title in the tooltip).
                setPrefWidth(0);
                setWrapText(true);
                setAlignment(javafx.geometry.Pos.TOP_LEFT);   // the title's first line beside the arrow
                setTextOverrun(OverrunStyle.ELLIPSIS);
            }

            /**
             * The height of the wrapped title at the width the skin leaves it: TreeCellSkin indents the
             * text by one indent per level and the disclosure arrow, but asks for the height at the
             * cell's whole width (a title one line too short for its text would end in "…"). The
             * indent of a level is measured on a laid-out cell ({@link #layoutChildren}); until then,
             * an estimate from modena's indent (1em) and arrow.
             */
            @Override protected double computePrefHeight(double width) {
                if (width <= 0 || getTreeItem() == null || getTreeView() == null) return super.computePrefHeight(width);
                Double offset = textOffsets.get(level());
                double em = getFont().getSize();
                double textStart = offset != null ? offset : level() * em + 1.7 * em;
                return super.computePrefHeight(Math.max(1, width - textStart + snappedLeftInset()));
            }

            /** Notes where the skin put this level's text; a level whose text moved is measured again. */
            @Override protected void layoutChildren() {
                super.layoutChildren();
                if (getTreeItem() == null || getTreeView() == null || !(lookup(".text") instanceof javafx.scene.text.Text text)) return;
                double start = text.getBoundsInParent().getMinX();
                Double known = textOffsets.put(level(), start);
                if (known == null || Math.abs(known - start) > 0.5) javafx.application.Platform.runLater(tree::refresh);
            }

            private int level() {
                return getTreeView().getTreeItemLevel(getTreeItem()) - (getTreeView().isShowRoot() ? 0 : 1);
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

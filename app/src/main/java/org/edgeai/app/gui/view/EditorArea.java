package org.edgeai.app.gui.view;

import java.util.IdentityHashMap;
import java.util.Map;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

import org.edgeai.app.gui.vm.TopologyEditorViewModel;
import org.edgeai.app.gui.vm.WorkbenchViewModel;

/**
 * The central editor area: one tab per open experiment, titled with its file name and a "*" when dirty.
 * Closing a tab goes through the view model, which asks about unsaved changes.
 */
public final class EditorArea {

    private final WorkbenchViewModel vm;
    private final PaletteDrag drag;
    private final TabPane tabs = new TabPane();
    private final StackPane root = new StackPane();
    private final Map<TopologyEditorViewModel, Tab> tabOf = new IdentityHashMap<>();
    private final Map<TopologyEditorViewModel, TopologyCanvasView> canvasOf = new IdentityHashMap<>();
    private CanvasTheme theme = CanvasTheme.LIGHT;
    private double presentation = 1;
    private int counter;
    private final org.edgeai.app.gui.vm.AnimationOptions animation = new org.edgeai.app.gui.vm.AnimationOptions();

    public EditorArea(WorkbenchViewModel vm, PaletteDrag drag) {
        this.vm = vm;
        this.drag = drag;
        tabs.setId("editor-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Label empty = new Label("No experiment open: File \u203a New (Ctrl+N), Open (Ctrl+O), or a sample from the Explorer.");
        empty.getStyleClass().add("empty-editor");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(tabs.getTabs()));
        root.getChildren().addAll(tabs, empty, new HudView(vm.hud()).node());
        vm.editors().forEach(this::addTab);
        vm.editors().addListener((ListChangeListener<TopologyEditorViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::removeTab);
                c.getAddedSubList().forEach(this::addTab);
            }
        });
        vm.activeProperty().addListener((o, a, ed) -> {
            Tab t = ed == null ? null : tabOf.get(ed);
            if (t != null && tabs.getSelectionModel().getSelectedItem() != t) {
                tabs.getSelectionModel().select(t);
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                TopologyEditorViewModel ed = (TopologyEditorViewModel) t.getUserData();
                if (vm.active() != ed) {
                    vm.activeProperty().set(ed);
                }
            }
        });
    }

    private void addTab(TopologyEditorViewModel ed) {
        TopologyCanvasView canvas = new TopologyCanvasView(ed, drag);
        canvas.setTheme(theme);
        canvas.setPresentationScale(presentation);
        canvas.attachRun(vm.runSession(), animation);
        Tab t = new Tab();
        t.setId("editor-tab-" + (++counter));
        t.setUserData(ed);
        t.textProperty().bind(ed.document().titleProperty());
        t.setContent(canvas);
        t.setOnCloseRequest(e -> {
            e.consume(); // the view model decides (it may ask)
            vm.close(ed, () -> { });
        });
        tabOf.put(ed, t);
        canvasOf.put(ed, canvas);
        tabs.getTabs().add(t);
        if (vm.active() == ed) {
            tabs.getSelectionModel().select(t);
        }
    }

    private void removeTab(TopologyEditorViewModel ed) {
        Tab t = tabOf.remove(ed);
        canvasOf.remove(ed);
        if (t != null) {
            tabs.getTabs().remove(t);
        }
    }

    /** The canvas of the active experiment, or null. */
    public TopologyCanvasView activeCanvas() {
        return vm.active() == null ? null : canvasOf.get(vm.active());
    }

    /** How runs are drawn on every canvas. */
    public org.edgeai.app.gui.vm.AnimationOptions animationOptions() {
        return animation;
    }

    public TopologyCanvasView canvasOf(TopologyEditorViewModel ed) {
        return canvasOf.get(ed);
    }

    public void setTheme(CanvasTheme t) {
        theme = t;
        canvasOf.values().forEach(c -> c.setTheme(t));
    }

    public void setPresentationScale(double s) {
        presentation = s;
        canvasOf.values().forEach(c -> c.setPresentationScale(s));
    }

    public javafx.scene.Node node() {
        return root;
    }
}

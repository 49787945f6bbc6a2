package org.edgeai.app.gui.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.edgeai.app.gui.layout.PartStack;
import org.edgeai.app.gui.layout.Perspective;
import org.edgeai.app.gui.layout.StackPosition;
import org.edgeai.app.gui.layout.ViewId;
import org.edgeai.app.gui.layout.WindowBounds;
import org.edgeai.app.gui.layout.WorkbenchLayout;

/**
 * Renders a {@link WorkbenchLayout} (the e4-style model) as JavaFX controls: split panes holding a tab
 * pane per part stack around the editor area, and a window per detached view. It rebuilds whenever the
 * model says the arrangement changed, reusing each view's node, and writes back what the user does with
 * the controls (tab selection, divider drags, detached windows moved or closed). Tab context menus move,
 * detach and hide views.
 */
public final class LayoutRenderer {

    private final WorkbenchLayout layout;
    private final Function<ViewId, Node> views;
    private final Node editorArea;
    private final StackPane root = new StackPane();
    private final Map<ViewId, Stage> detached = new EnumMap<>(ViewId.class);
    private final List<Tab> tabs = new ArrayList<>();
    private Window owner;
    private List<String> stylesheets = List.of();
    private boolean rebuilding;

    public LayoutRenderer(WorkbenchLayout layout, Function<ViewId, Node> views, Node editorArea) {
        this.layout = layout;
        this.views = views;
        this.editorArea = editorArea;
        root.setId("workbench-layout");
        layout.addListener(this::rebuild);
    }

    public Node node() {
        return root;
    }

    /** The window detached views belong to, and the style sheets they use. */
    public void attachTo(Window owner, List<String> stylesheets) {
        this.owner = owner;
        this.stylesheets = List.copyOf(stylesheets);
        detached.values().forEach(s -> s.getScene().getStylesheets().setAll(stylesheets));
        rebuild();
    }

    public void setStylesheets(List<String> sheets) {
        stylesheets = List.copyOf(sheets);
        detached.values().forEach(s -> s.getScene().getStylesheets().setAll(sheets));
    }

    /** Detached view windows now open (tests). */
    public Map<ViewId, Stage> detachedWindows() {
        return detached;
    }

    public void rebuild() {
        rebuilding = true;
        try {
            Perspective p = layout.active();
            for (Tab t : tabs) {
                t.setContent(null); // free the view nodes for their new tabs
            }
            tabs.clear();
            syncDetached(p);
            SplitPane h = new SplitPane();
            h.setId("split-horizontal");
            TabPane left = stack(p.stack(StackPosition.LEFT));
            TabPane right = stack(p.stack(StackPosition.RIGHT));
            TabPane bottom = stack(p.stack(StackPosition.BOTTOM));
            if (left != null) {
                h.getItems().add(left);
            }
            h.getItems().add(editorArea);
            if (right != null) {
                h.getItems().add(right);
            }
            double ls = p.stack(StackPosition.LEFT).size();
            double rs = p.stack(StackPosition.RIGHT).size();
            if (left != null && right != null) {
                h.setDividerPositions(ls, 1 - rs);
                track(h.getDividers().get(0), StackPosition.LEFT, false);
                track(h.getDividers().get(1), StackPosition.RIGHT, true);
            } else if (left != null) {
                h.setDividerPositions(ls);
                track(h.getDividers().get(0), StackPosition.LEFT, false);
            } else if (right != null) {
                h.setDividerPositions(1 - rs);
                track(h.getDividers().get(0), StackPosition.RIGHT, true);
            }
            if (left != null) {
                SplitPane.setResizableWithParent(left, false);
            }
            if (right != null) {
                SplitPane.setResizableWithParent(right, false);
            }
            Node center = h;
            if (bottom != null) {
                SplitPane v = new SplitPane(h, bottom);
                v.setId("split-vertical");
                v.setOrientation(Orientation.VERTICAL);
                v.setDividerPositions(1 - p.stack(StackPosition.BOTTOM).size());
                SplitPane.setResizableWithParent(bottom, false);
                track(v.getDividers().get(0), StackPosition.BOTTOM, true);
                center = v;
            }
            root.getChildren().setAll(center);
        } finally {
            rebuilding = false;
        }
    }

    private void track(SplitPane.Divider d, StackPosition pos, boolean fromEnd) {
        d.positionProperty().addListener((o, a, v) -> {
            if (!rebuilding) {
                double f = fromEnd ? 1 - v.doubleValue() : v.doubleValue();
                if (f > 0.02 && f < 0.98) {
                    layout.setStackSize(pos, f);
                }
            }
        });
    }

    private TabPane stack(PartStack s) {
        if (s.isEmpty()) {
            return null;
        }
        TabPane tp = new TabPane();
        tp.setId("stack-" + s.position().id());
        tp.getStyleClass().add("part-stack");
        tp.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        for (ViewId v : s.views()) {
            Tab t = new Tab(v.title(), views.apply(v));
            t.setId("tab-" + v.id());
            t.setUserData(v);
            t.setOnCloseRequest(e -> {
                e.consume();
                layout.hide(v);
            });
            t.setContextMenu(menu(v, s.position()));
            tp.getTabs().add(t);
            tabs.add(t);
            if (v == s.selected()) {
                tp.getSelectionModel().select(t);
            }
        }
        tp.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (!rebuilding && t != null) {
                layout.select((ViewId) t.getUserData());
            }
        });
        tp.setMinWidth(0);
        tp.setMinHeight(0);
        return tp;
    }

    private ContextMenu menu(ViewId v, StackPosition at) {
        ContextMenu m = new ContextMenu();
        for (StackPosition p : StackPosition.values()) {
            if (p != at) {
                MenuItem i = new MenuItem("Move to " + p.id());
                i.setId("move-" + v.id() + "-" + p.id());
                i.setOnAction(e -> layout.move(v, p));
                m.getItems().add(i);
            }
        }
        MenuItem det = new MenuItem("Detach");
        det.setId("detach-" + v.id());
        det.setOnAction(e -> layout.detach(v, defaultBounds()));
        MenuItem hide = new MenuItem("Hide");
        hide.setOnAction(e -> layout.hide(v));
        m.getItems().addAll(det, hide);
        return m;
    }

    private WindowBounds defaultBounds() {
        double x = owner != null ? owner.getX() + 80 : 80;
        double y = owner != null ? owner.getY() + 80 : 80;
        return new WindowBounds(x, y, 420, 360, false);
    }

    private void syncDetached(Perspective p) {
        for (ViewId v : List.copyOf(detached.keySet())) {
            if (!p.isDetached(v)) {
                Stage s = detached.remove(v);
                s.setOnHidden(null);
                s.getScene().setRoot(new StackPane()); // release the view node
                s.hide();
            }
        }
        if (owner == null) {
            return;
        }
        for (Map.Entry<ViewId, WindowBounds> e : p.detached().entrySet()) {
            ViewId v = e.getKey();
            if (detached.containsKey(v)) {
                continue;
            }
            WindowBounds b = e.getValue();
            Stage s = new Stage();
            s.initOwner(owner);
            s.setTitle(v.title());
            BorderPane content = new BorderPane(views.apply(v));
            content.getStyleClass().add("detached-view");
            Scene scene = new Scene(content, b.width(), b.height());
            scene.getStylesheets().setAll(stylesheets);
            s.setScene(scene);
            s.setX(b.x());
            s.setY(b.y());
            Runnable record = () -> layout.updateDetachedBounds(v,
                    new WindowBounds(s.getX(), s.getY(), Math.max(1, s.getWidth()), Math.max(1, s.getHeight()), false));
            s.xProperty().addListener(o -> record.run());
            s.yProperty().addListener(o -> record.run());
            s.widthProperty().addListener(o -> record.run());
            s.heightProperty().addListener(o -> record.run());
            s.setOnHidden(ev -> {
                if (detached.remove(v) != null) {
                    layout.attach(v); // closing the window puts the view back where it was
                }
            });
            detached.put(v, s);
            s.show();
        }
    }

    /** Closes every detached window without re-attaching (the workbench is closing). */
    public void closeDetached() {
        for (Stage s : List.copyOf(detached.values())) {
            s.setOnHidden(null);
            s.hide();
        }
        detached.clear();
    }
}

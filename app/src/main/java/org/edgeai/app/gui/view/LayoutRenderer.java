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
    private final Map<ViewId, Tab> tabs = new EnumMap<>(ViewId.class);
    private final Map<StackPosition, TabPane> panes = new EnumMap<>(StackPosition.class);
    private final SplitPane horizontal = new SplitPane();
    private final SplitPane vertical = new SplitPane();
    private Window owner;
    private List<String> stylesheets = List.of();
    private boolean rebuilding;

    public LayoutRenderer(WorkbenchLayout layout, Function<ViewId, Node> views, Node editorArea) {
        this.layout = layout;
        this.views = views;
        this.editorArea = editorArea;
        root.setId("workbench-layout");
        for (StackPosition p : StackPosition.values()) {
            panes.put(p, pane(p));
        }
        horizontal.setId("split-horizontal");
        vertical.setId("split-vertical");
        vertical.setOrientation(Orientation.VERTICAL);
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
            // Change only what differs: a tab removed and added again would re-style its whole view.
            Map<StackPosition, List<Tab>> want = new EnumMap<>(StackPosition.class);
            for (StackPosition pos : StackPosition.values()) {
                List<Tab> ts = new ArrayList<>();
                for (ViewId v : p.stack(pos).views()) {
                    ts.add(tabFor(v));
                }
                want.put(pos, ts);
            }
            for (StackPosition pos : StackPosition.values()) {
                panes.get(pos).getTabs().retainAll(want.get(pos));
            }
            syncDetached(p);
            for (StackPosition pos : StackPosition.values()) {
                PartStack s = p.stack(pos);
                TabPane tp = panes.get(pos);
                List<Tab> ts = want.get(pos);
                for (int i = 0; i < ts.size(); i++) {
                    Tab t = ts.get(i);
                    t.setContextMenu(menu((ViewId) t.getUserData(), pos));
                    if (i >= tp.getTabs().size() || tp.getTabs().get(i) != t) {
                        tp.getTabs().remove(t);
                        tp.getTabs().add(i, t);
                    }
                }
                if (s.selected() != null) {
                    tp.getSelectionModel().select(tabs.get(s.selected()));
                }
                showOnlySelected(tp);
            }
            boolean left = !p.stack(StackPosition.LEFT).isEmpty();
            boolean right = !p.stack(StackPosition.RIGHT).isEmpty();
            boolean bottom = !p.stack(StackPosition.BOTTOM).isEmpty();
            List<Node> items = new ArrayList<>();
            if (left) {
                items.add(panes.get(StackPosition.LEFT));
            }
            items.add(editorArea);
            if (right) {
                items.add(panes.get(StackPosition.RIGHT));
            }
            if (!horizontal.getItems().equals(items)) {
                horizontal.getItems().setAll(items);
            }
            double ls = p.stack(StackPosition.LEFT).size();
            double rs = p.stack(StackPosition.RIGHT).size();
            if (left && right) {
                horizontal.setDividerPositions(ls, 1 - rs);
                track(horizontal.getDividers().get(0), StackPosition.LEFT, false);
                track(horizontal.getDividers().get(1), StackPosition.RIGHT, true);
            } else if (left) {
                horizontal.setDividerPositions(ls);
                track(horizontal.getDividers().get(0), StackPosition.LEFT, false);
            } else if (right) {
                horizontal.setDividerPositions(1 - rs);
                track(horizontal.getDividers().get(0), StackPosition.RIGHT, true);
            }
            Node center = horizontal;
            if (bottom) {
                if (vertical.getItems().size() != 2) {
                    vertical.getItems().setAll(horizontal, panes.get(StackPosition.BOTTOM));
                }
                vertical.setDividerPositions(1 - p.stack(StackPosition.BOTTOM).size());
                track(vertical.getDividers().get(0), StackPosition.BOTTOM, true);
                center = vertical;
            } else {
                vertical.getItems().clear();
            }
            if (root.getChildren().size() != 1 || root.getChildren().get(0) != center) {
                root.getChildren().setAll(center);
            }
        } finally {
            rebuilding = false;
        }
    }

    private final java.util.Set<SplitPane.Divider> tracked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private void track(SplitPane.Divider d, StackPosition pos, boolean fromEnd) {
        if (!tracked.add(d)) {
            return;
        }
        d.positionProperty().addListener((o, a, v) -> {
            if (!rebuilding) {
                double f = fromEnd ? 1 - v.doubleValue() : v.doubleValue();
                if (f > 0.02 && f < 0.98) {
                    layout.setStackSize(pos, f);
                }
            }
        });
    }

    /** The part stacks, the split panes and the views' tabs are made once and rearranged, not rebuilt. */
    private TabPane pane(StackPosition pos) {
        TabPane tp = new TabPane();
        tp.setId("stack-" + pos.id());
        tp.getStyleClass().add("part-stack");
        tp.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tp.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (!rebuilding && t != null) {
                layout.select((ViewId) t.getUserData());
            }
            if (!rebuilding) {
                showOnlySelected(tp);
            }
        });
        tp.setMinWidth(0);
        tp.setMinHeight(0);
        SplitPane.setResizableWithParent(tp, false);
        return tp;
    }

    /**
     * Only the selected tab of a stack holds its view: hidden views are out of the scene, so switching
     * perspective or tab styles and lays out just what becomes visible.
     */
    private void showOnlySelected(TabPane tp) {
        Tab sel = tp.getSelectionModel().getSelectedItem();
        for (Tab t : tp.getTabs()) {
            if (t != sel && t.getContent() != null) {
                t.setContent(null);
            }
        }
        if (sel != null && sel.getContent() == null && !pending.contains(sel)) {
            pending.add(sel);
            attacher.start();
        }
    }

    /**
     * Views become visible one per pulse: styling and laying out a view is the costly part of a
     * perspective switch, and one pulse for all of them would hold the JavaFX thread for tens of ms.
     */
    private final java.util.ArrayDeque<Tab> pending = new java.util.ArrayDeque<>();
    private final javafx.animation.AnimationTimer attacher = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!attachNext()) {
                stop();
            }
        }
    };

    private boolean attachNext() {
        while (!pending.isEmpty()) {
            Tab t = pending.poll();
            TabPane owner = t.getTabPane();
            if (owner != null && owner.getSelectionModel().getSelectedItem() == t && t.getContent() == null) {
                t.setContent(views.apply((ViewId) t.getUserData()));
                return true;
            }
        }
        return false;
    }

    /** Attaches every waiting view now (the window's start, and tests). */
    public void flush() {
        while (attachNext()) {
            // one at a time until none waits
        }
        attacher.stop();
    }

    private Tab tabFor(ViewId v) {
        Tab t = tabs.computeIfAbsent(v, k -> {
            Tab n = new Tab(k.title());
            n.setId("tab-" + k.id());
            n.setUserData(k);
            n.setOnCloseRequest(e -> {
                e.consume();
                layout.hide(k);
            });
            return n;
        });
        return t;
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
            Tab old = tabs.get(v);
            if (old != null) {
                old.setContent(null); // the view moves into its window
            }
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
            Runnable record = () -> {
                if (Double.isFinite(s.getX()) && Double.isFinite(s.getY()) && s.getWidth() > 0 && s.getHeight() > 0) {
                    layout.updateDetachedBounds(v, new WindowBounds(s.getX(), s.getY(), s.getWidth(), s.getHeight(), false));
                }
            };
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

package org.edgeai.app.gui.view;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.edgeai.app.gui.vm.PaletteItem;
import org.edgeai.app.gui.vm.TopologyEditorViewModel;
import org.edgeai.app.gui.vm.WorkbenchViewModel;

/**
 * The Palette: one toggle per tool (select, the device subtypes, device, edge server, cloud, link). A click
 * picks the active editor's tool; dragging a node item onto a canvas adds a node where it is dropped.
 */
public final class PaletteView {

    private final VBox box = new VBox(4);
    private final ToggleGroup group = new ToggleGroup();
    private final WorkbenchViewModel vm;

    public PaletteView(WorkbenchViewModel vm, PaletteDrag drag) {
        this.vm = vm;
        box.setPadding(new Insets(8));
        box.getStyleClass().add("palette");
        Label nodes = new Label("Nodes");
        nodes.getStyleClass().add("section-title");
        box.getChildren().add(nodes);
        for (PaletteItem item : PaletteItem.values()) {
            if (item == PaletteItem.LINK) {
                Label l = new Label("Links");
                l.getStyleClass().add("section-title");
                box.getChildren().add(l);
            }
            ToggleButton b = new ToggleButton(item.title(), icon(item));
            b.setId("palette-" + item.name().toLowerCase(java.util.Locale.ROOT));
            b.setUserData(item);
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            b.setTooltip(new Tooltip(tip(item)));
            if (item.addsNodes()) {
                b.addEventHandler(MouseEvent.DRAG_DETECTED, e -> {
                    drag.start(item);
                    b.startFullDrag();
                    e.consume();
                });
                b.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> drag.cancel());
            }
            box.getChildren().add(b);
            if (item == PaletteItem.SELECT) {
                b.setSelected(true);
            }
        }
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true); // one tool is always chosen
                return;
            }
            TopologyEditorViewModel ed = vm.active();
            if (ed != null) {
                ed.toolProperty().set((PaletteItem) t.getUserData());
            }
        });
        ChangeListener<PaletteItem> follow = (o, a, item) -> select(item);
        vm.activeProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.toolProperty().removeListener(follow);
            }
            if (now != null) {
                now.toolProperty().addListener(follow);
                select(now.toolProperty().get());
            }
        });
        if (vm.active() != null) {
            vm.active().toolProperty().addListener(follow);
        }
    }

    private void select(PaletteItem item) {
        group.getToggles().stream().filter(t -> t.getUserData() == item).findFirst().ifPresent(t -> t.setSelected(true));
    }

    public javafx.scene.Node node() {
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    private static String tip(PaletteItem item) {
        return switch (item) {
            case SELECT -> "Select, move and rubber-band (Esc)";
            case LINK -> "Drag from one node to another to link them (or Alt+drag with any tool)";
            default -> item.deviceType().map(t -> String.format(java.util.Locale.ROOT, "%s: %.3g GFLOP/s, %.0f MB. Click the canvas or drag here onto it.",
                    item.title(), t.computeGflops(), t.memoryMb())).orElse(item.title() + ": click the canvas or drag onto it.");
        };
    }

    private static Canvas icon(PaletteItem item) {
        Canvas c = new Canvas(22, 22);
        GraphicsContext g = c.getGraphicsContext2D();
        int glyph = switch (item) {
            case PHONE -> 1;
            case SENSOR -> 2;
            case VEHICLE -> 3;
            case DRONE -> 4;
            case SERVER -> 5;
            case CLOUD -> 6;
            default -> 0;
        };
        if (item == PaletteItem.SELECT) {
            g.setFill(Color.web("#6b7280"));
            g.fillPolygon(new double[] {6, 6, 10, 12, 14, 12, 17}, new double[] {3, 18, 14, 19, 18, 13, 13}, 7);
        } else if (item == PaletteItem.LINK) {
            g.setStroke(Color.web("#6b7280"));
            g.setLineWidth(2.5);
            g.strokeLine(4, 17, 18, 5);
            g.setFill(CanvasTheme.DEVICE);
            g.fillOval(1, 14, 6, 6);
            g.fillOval(15, 2, 6, 6);
        } else {
            TopologyCanvasView.drawGlyph(g, glyph, 11, 11, 8, Color.WHITE);
        }
        return c;
    }
}

package org.edgeai.app.gui.view;

import javafx.scene.paint.Color;

/** Colours of the topology canvas, per workbench theme. */
public record CanvasTheme(Color background, Color grid, Color link, Color label, Color selection, Color legendBackground) {

    public static final Color DEVICE = Color.web("#2b83ba");
    public static final Color SERVER = Color.web("#d7191c");
    public static final Color CLOUD = Color.web("#7b3294");

    public static final CanvasTheme LIGHT = new CanvasTheme(Color.web("#fbfbfd"), Color.web("#e8eaf0"), Color.web("#8a8f98"),
            Color.web("#222428"), Color.web("#ff8c1a"), Color.web("#ffffffe0"));
    public static final CanvasTheme DARK = new CanvasTheme(Color.web("#1c1e22"), Color.web("#2a2d33"), Color.web("#7f8894"),
            Color.web("#dde0e6"), Color.web("#ffa640"), Color.web("#26292ee0"));
}

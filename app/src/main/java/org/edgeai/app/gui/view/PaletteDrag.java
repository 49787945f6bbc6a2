package org.edgeai.app.gui.view;

import org.edgeai.app.gui.vm.PaletteItem;

/**
 * The palette item being dragged onto a canvas. A full press-drag-release gesture (not platform
 * drag-and-drop) carries it, so it works in every window and headless; this object holds what is carried.
 */
public final class PaletteDrag {

    private PaletteItem item;

    public void start(PaletteItem i) {
        item = i;
    }

    /** The dragged item, once; null when nothing is being dragged. */
    public PaletteItem take() {
        PaletteItem i = item;
        item = null;
        return i;
    }

    public void cancel() {
        item = null;
    }
}

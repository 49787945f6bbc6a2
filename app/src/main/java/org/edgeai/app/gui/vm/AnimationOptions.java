package org.edgeai.app.gui.vm;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How a run is drawn on the topology canvas: what colours the nodes, how link load is shown, the size of the
 * transfer glyphs and whether legends are drawn. One instance for the workbench (all canvases share it); JavaFX
 * thread only; no {@code Node}s. {@link #versionProperty()} is bumped on any change, so a view redraws on one
 * listener.
 */
public final class AnimationOptions {

    /** The per-node quantity that colours the nodes (with a colour bar). */
    public enum NodeColour {
        NONE("None"), LOCAL_LOSS("Local loss"), DISTANCE_TO_MEAN("Distance to the average model"), BITS_SENT("Bits sent so far");

        private final String label;

        NodeColour(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How link load is drawn. */
    public enum LinkLoad {
        OFF("Off"), COLOUR("Colour"), THICKNESS("Thickness");

        private final String label;

        LinkLoad(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What "load" of a link means. */
    public enum LoadMeasure {
        /** Bits of the transfers on the link (sending or propagating) at the cursor. */
        BITS_IN_FLIGHT("Bits in flight"),
        /** Share of the link's two directions that are transmitting at the cursor, in [0, 1]. */
        UTILISATION("Utilisation");

        private final String label;

        LoadMeasure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Smallest and largest glyph scale factor. */
    public static final double MIN_GLYPH_SCALE = 0.25;
    public static final double MAX_GLYPH_SCALE = 4;

    private final ObjectProperty<NodeColour> nodeColour = new SimpleObjectProperty<>(NodeColour.NONE);
    private final ObjectProperty<LinkLoad> linkLoad = new SimpleObjectProperty<>(LinkLoad.OFF);
    private final ObjectProperty<LoadMeasure> loadMeasure = new SimpleObjectProperty<>(LoadMeasure.BITS_IN_FLIGHT);
    private final DoubleProperty glyphScale = new SimpleDoubleProperty(1);
    private final BooleanProperty showLegends = new SimpleBooleanProperty(true);
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();

    public AnimationOptions() {
        for (Observable o : new Observable[] {nodeColour, linkLoad, loadMeasure, glyphScale, showLegends}) {
            o.addListener(x -> version.set(version.get() + 1));
        }
        glyphScale.addListener((o, a, b) -> {
            double v = b.doubleValue();
            double c = Double.isNaN(v) ? 1 : Math.max(MIN_GLYPH_SCALE, Math.min(MAX_GLYPH_SCALE, v));
            if (c != v) {
                glyphScale.set(c);
            }
        });
    }

    /** The quantity that colours the nodes; never null (NONE to switch off). */
    public ObjectProperty<NodeColour> nodeColourProperty() {
        return nodeColour;
    }

    public ObjectProperty<LinkLoad> linkLoadProperty() {
        return linkLoad;
    }

    public ObjectProperty<LoadMeasure> loadMeasureProperty() {
        return loadMeasure;
    }

    /** Factor on the transfer glyphs' radius, clamped to [{@value #MIN_GLYPH_SCALE}, {@value #MAX_GLYPH_SCALE}]. */
    public DoubleProperty glyphScaleProperty() {
        return glyphScale;
    }

    public BooleanProperty showLegendsProperty() {
        return showLegends;
    }

    /** Bumped on every change of any option. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public NodeColour nodeColour() {
        NodeColour c = nodeColour.get();
        return c == null ? NodeColour.NONE : c;
    }

    public LinkLoad linkLoad() {
        LinkLoad l = linkLoad.get();
        return l == null ? LinkLoad.OFF : l;
    }

    public LoadMeasure loadMeasure() {
        LoadMeasure l = loadMeasure.get();
        return l == null ? LoadMeasure.BITS_IN_FLIGHT : l;
    }

    public double glyphScale() {
        return glyphScale.get();
    }

    public boolean showLegends() {
        return showLegends.get();
    }
}

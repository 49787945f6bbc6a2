package org.edgeai.app.gui.view;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.edgeai.app.gui.vm.HudViewModel;

/**
 * The heads-up display: a small translucent panel at the top right of the canvas of the editor being run (round,
 * simulated time, bits on links, the engine's speed, dropped records, and the latency split with its terms; the
 * split's tooltip explains how it is measured). Put in the editor area's {@code StackPane}; visible while
 * {@link HudViewModel#visibleProperty()}.
 */
public final class HudView {

    private final VBox root = new VBox(1);

    public HudView(HudViewModel vm) {
        root.setId("hud");
        root.getStyleClass().add("hud");
        root.setPadding(new Insets(6, 10, 6, 10));
        // Readable on both themes and over any drawing: light text on a translucent dark panel.
        root.setStyle("-fx-background-color: rgba(20, 24, 32, 0.72); -fx-background-radius: 6;");
        root.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        root.setPickOnBounds(false);
        Label round = label("hud-round", vm.roundProperty());
        round.setStyle(round.getStyle() + "-fx-font-weight: bold;");
        Label time = label("hud-time", vm.timeProperty());
        Label bits = label("hud-bits", vm.bitsProperty());
        Label engine = label("hud-engine", vm.engineProperty());
        Label dropped = label("hud-dropped", vm.droppedProperty());
        dropped.setStyle("-fx-text-fill: #ffb060;");
        dropped.visibleProperty().bind(vm.droppedProperty().isNotEmpty());
        dropped.managedProperty().bind(dropped.visibleProperty());
        Label split = label("hud-split", vm.splitProperty());
        Label terms = label("hud-terms", vm.termsProperty());
        Tooltip explain = new Tooltip(HudViewModel.EXPLANATION);
        explain.setShowDuration(Duration.seconds(30));
        Tooltip.install(split, explain);
        Tooltip.install(terms, explain);
        root.getChildren().addAll(round, time, bits, engine, dropped, split, terms);
        root.visibleProperty().bind(vm.visibleProperty());
        root.managedProperty().bind(vm.visibleProperty());
        StackPane.setAlignment(root, Pos.TOP_RIGHT);
        StackPane.setMargin(root, new Insets(34, 10, 0, 0)); // below the editor tabs' header
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setStyle("-fx-text-fill: #f0f3f8; -fx-font-size: 0.95em;");
        return l;
    }

    public javafx.scene.Node node() {
        return root;
    }
}

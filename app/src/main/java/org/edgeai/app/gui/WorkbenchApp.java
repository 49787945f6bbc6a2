package org.edgeai.app.gui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.geometry.Insets;
import javafx.stage.Stage;

import org.edgeai.model.topology.Topology;

/**
 * The workbench window. At this stage: a menu bar, the topology canvas showing the opened experiment,
 * and a status line; the full RCP-style shell is built on top of it.
 */
public class WorkbenchApp extends Application {

    private final TopologyCanvas canvas = new TopologyCanvas();
    private final Label status = new Label();

    @Override
    public void start(Stage stage) {
        OpenedExperiment opened = OpenedExperiment.fromArguments(getParameters().getRaw());
        show(opened);

        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        MenuBar menus = new MenuBar(new Menu("File", null, quit), new Menu("Edit"), new Menu("View"),
                new Menu("Run"), new Menu("Tools"), new Menu("Help"));

        HBox statusBar = new HBox(status);
        statusBar.setPadding(new Insets(3, 8, 3, 8));
        BorderPane root = new BorderPane(canvas, menus, null, statusBar, null);
        stage.setScene(new Scene(root, 1280, 800));
        stage.setTitle("Edge AI Workbench — " + opened.title());
        stage.show();
    }

    private void show(OpenedExperiment opened) {
        Topology t = opened.topology();
        canvas.setTopology(t);
        status.setText(opened.source() + "  |  " + t.nodeCount() + " nodes, " + t.linkCount() + " links"
                + (opened.problem().isEmpty() ? "" : "  |  " + opened.problem()));
    }
}

package org.edgeai.app.gui.view;

import java.nio.file.Path;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

import org.edgeai.app.gui.SampleCatalog;
import org.edgeai.app.gui.vm.WorkbenchViewModel;

/** The Explorer: samples and recent files; a double click (or Enter) opens one. */
public final class ExplorerView {

    private final TreeView<Object> tree = new TreeView<>();

    public ExplorerView(WorkbenchViewModel vm) {
        tree.setId("explorer");
        TreeItem<Object> root = new TreeItem<>("root");
        TreeItem<Object> samples = new TreeItem<>("Samples");
        TreeItem<Object> recent = new TreeItem<>("Recent files");
        samples.setExpanded(true);
        recent.setExpanded(true);
        for (SampleCatalog.Sample s : vm.samples()) {
            samples.getChildren().add(new TreeItem<>(s));
        }
        Runnable fillRecent = () -> recent.getChildren().setAll(vm.recentFiles().stream().map(p -> new TreeItem<Object>(p)).toList());
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        root.getChildren().addAll(samples, recent);
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            private javafx.scene.control.Tooltip tip;

            private void setTip(String text) {
                if (tip == null) {
                    tip = new javafx.scene.control.Tooltip();
                }
                tip.setText(text);
                setTooltip(tip);
            }

            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(null);
                if (empty || item == null) {
                    setText(null);
                } else if (item instanceof SampleCatalog.Sample s) {
                    setText(s.title());
                    setTip(s.description());
                } else if (item instanceof Path p) {
                    setText(String.valueOf(p.getFileName()));
                    setTip(p.toString());
                } else {
                    setText(item.toString());
                }
            }
        });
        Runnable open = () -> {
            TreeItem<Object> sel = tree.getSelectionModel().getSelectedItem();
            if (sel == null) {
                return;
            }
            if (sel.getValue() instanceof SampleCatalog.Sample s) {
                vm.openSample(s.id());
            } else if (sel.getValue() instanceof Path p) {
                vm.open(p);
            }
        };
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open.run();
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                open.run();
            }
        });
    }

    public javafx.scene.Node node() {
        return tree;
    }
}

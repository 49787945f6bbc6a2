package org.edgeai.app.gui.view;

import javafx.collections.ListChangeListener;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

import org.edgeai.app.gui.vm.ConsoleViewModel;
import org.edgeai.app.gui.vm.ConsoleViewModel.Line;

/** The Console view: the workbench's log, warnings and errors in colour, scrolled to the newest line. */
public final class ConsoleView {

    private final ListView<Line> list;

    public ConsoleView(ConsoleViewModel vm) {
        list = new ListView<>(vm.lines());
        list.setId("console");
        list.getStyleClass().add("console");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Line item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("console-warn", "console-error");
                if (empty || item == null) {
                    setText(null);
                } else {
                    setText(item.toString());
                    if (item.level() == ConsoleViewModel.Level.WARN) {
                        getStyleClass().add("console-warn");
                    } else if (item.level() == ConsoleViewModel.Level.ERROR) {
                        getStyleClass().add("console-error");
                    }
                }
            }
        });
        vm.lines().addListener((ListChangeListener<Line>) c -> {
            if (!vm.lines().isEmpty()) {
                list.scrollTo(vm.lines().size() - 1);
            }
        });
    }

    public javafx.scene.Node node() {
        return list;
    }
}

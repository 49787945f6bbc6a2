package org.edgeai.app.gui.view;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import org.edgeai.app.gui.vm.ParameterField;
import org.edgeai.app.gui.vm.ParameterFormViewModel;
import org.edgeai.model.spi.ParameterType;

/**
 * Builds a form from a {@link ParameterFormViewModel}: one row per parameter with its name, an editor for
 * its type (text field, check box, choice box) and the validation message beside it.
 */
final class FormFields {

    private FormFields() {
    }

    /**
     * @param commit called when a field is confirmed (Enter, focus lost, a box ticked or a choice made);
     *               may be null
     */
    static GridPane build(ParameterFormViewModel form, String idPrefix, Runnable commit) {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.getStyleClass().add("parameter-form");
        ColumnConstraints c0 = new ColumnConstraints();
        ColumnConstraints c1 = new ColumnConstraints(80, 120, Double.MAX_VALUE);
        c1.setHgrow(Priority.ALWAYS);
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setHgrow(Priority.SOMETIMES);
        g.getColumnConstraints().addAll(c0, c1, c2);
        int row = 0;
        for (ParameterField f : form.fields()) {
            Label name = new Label(f.name());
            Control editor = editor(f, commit);
            editor.setId(idPrefix + f.name());
            String help = f.descriptor().help() + (f.descriptor().help().isEmpty() ? "" : " ") + "(" + f.descriptor().expected() + ")";
            lazyTooltip(name, help);
            lazyTooltip(editor, help);
            Label error = new Label();
            error.setId(idPrefix + f.name() + "-error");
            error.getStyleClass().add("validation-error");
            error.textProperty().bind(f.errorProperty());
            error.setWrapText(true);
            error.setMaxWidth(180);
            g.addRow(row++, name, editor, error);
        }
        return g;
    }

    /**
     * Installs a tooltip the first time the mouse enters the node: a Tooltip is a popup window with its own
     * scene, too costly to build for every field of every form up front.
     */
    static void lazyTooltip(javafx.scene.Node n, String text) {
        n.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, new javafx.event.EventHandler<>() {
            @Override
            public void handle(javafx.scene.input.MouseEvent e) {
                n.removeEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, this);
                Tooltip.install(n, new Tooltip(text));
            }
        });
    }

    private static Control editor(ParameterField f, Runnable commit) {
        if (f.descriptor().type() == ParameterType.BOOLEAN) {
            CheckBox b = new CheckBox();
            b.setSelected(Boolean.parseBoolean(f.textProperty().get()));
            b.selectedProperty().addListener((o, a, v) -> {
                f.textProperty().set(Boolean.toString(v));
                run(commit);
            });
            f.textProperty().addListener((o, a, v) -> b.setSelected(Boolean.parseBoolean(v)));
            return b;
        }
        if (f.descriptor().type() == ParameterType.CHOICE) {
            ComboBox<String> c = new ComboBox<>();
            c.getItems().setAll(f.descriptor().choices());
            c.setValue(f.textProperty().get());
            c.setMaxWidth(Double.MAX_VALUE);
            c.valueProperty().addListener((o, a, v) -> {
                if (v != null && !v.equals(f.textProperty().get())) {
                    f.textProperty().set(v);
                    run(commit);
                }
            });
            f.textProperty().addListener((o, a, v) -> c.setValue(v));
            return c;
        }
        TextField t = new TextField();
        t.textProperty().bindBidirectional(f.textProperty());
        t.setOnAction(e -> run(commit));
        t.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                run(commit);
            }
        });
        return t;
    }

    private static void run(Runnable r) {
        if (r != null) {
            r.run();
        }
    }
}

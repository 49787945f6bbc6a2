package org.edgeai.app.gui.view;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Asks what to export of a run's animation: format (animated GIF or a folder of PNGs), range (the whole run or the
 * round at the cursor), size, frame rate, number of frames and where to write. Returns an
 * {@link AnimationExporter.Request} (or nothing when cancelled or when a field is not a valid number).
 */
final class ExportAnimationDialog {

    /** The whole run, or the round being shown. */
    enum Range { WHOLE_RUN, CURRENT_ROUND }

    private ExportAnimationDialog() {
    }

    /**
     * @param whole   cursor times of the whole run, {t0, t1}
     * @param current cursor times of the round at the cursor, {t0, t1}
     */
    static Optional<AnimationExporter.Request> ask(Window owner, double[] whole, double[] current, Path suggestedDir) {
        Dialog<AnimationExporter.Request> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Export Animation");
        d.setHeaderText("Render the run's animation frame by frame (in the background).");
        ChoiceBox<AnimationExporter.Format> format = new ChoiceBox<>();
        format.getItems().addAll(AnimationExporter.Format.values());
        format.setValue(AnimationExporter.Format.GIF);
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(AnimationExporter.Format f) {
                return f == null ? "" : f.label();
            }

            @Override
            public AnimationExporter.Format fromString(String s) {
                return null;
            }
        });
        ChoiceBox<Range> range = new ChoiceBox<>();
        range.getItems().addAll(Range.values());
        range.setValue(Range.WHOLE_RUN);
        range.setConverter(new StringConverter<>() {
            @Override
            public String toString(Range r) {
                if (r == null) {
                    return "";
                }
                double[] t = r == Range.WHOLE_RUN ? whole : current;
                return String.format(java.util.Locale.ROOT, "%s (%.4g s to %.4g s)",
                        r == Range.WHOLE_RUN ? "Whole run" : "Current round", t[0], t[1]);
            }

            @Override
            public Range fromString(String s) {
                return null;
            }
        });
        TextField width = new TextField("960");
        TextField height = new TextField("600");
        TextField fps = new TextField("15");
        TextField frames = new TextField("90");
        TextField path = new TextField(suggestedDir.resolve("animation.gif").toString());
        path.setPrefColumnCount(28);
        format.valueProperty().addListener((o, a, f) -> {
            Path p = Path.of(path.getText());
            Path parent = p.getParent() == null ? suggestedDir : p.getParent();
            path.setText(f == AnimationExporter.Format.GIF ? parent.resolve("animation.gif").toString()
                    : parent.resolve("animation-frames").toString());
        });
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            File f;
            if (format.getValue() == AnimationExporter.Format.GIF) {
                FileChooser fc = new FileChooser();
                fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("GIF", "*.gif"));
                fc.setInitialFileName("animation.gif");
                f = fc.showSaveDialog(d.getDialogPane().getScene().getWindow());
            } else {
                f = new DirectoryChooser().showDialog(d.getDialogPane().getScene().getWindow());
            }
            if (f != null) {
                path.setText(f.getAbsolutePath());
            }
        });
        Label error = new Label();
        error.getStyleClass().add("error-label");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int row = 0;
        g.addRow(row++, new Label("Format"), format);
        g.addRow(row++, new Label("Range"), range);
        g.addRow(row++, new Label("Size (px)"), new HBox(6, width, new Label("×"), height));
        g.addRow(row++, new Label("Frames per second"), fps);
        g.addRow(row++, new Label("Frames"), frames);
        g.addRow(row++, new Label("Write to"), new HBox(6, path, browse));
        g.add(error, 0, row, 2, 1);
        width.setPrefColumnCount(5);
        height.setPrefColumnCount(5);
        d.getDialogPane().setContent(g);
        d.getDialogPane().setId("export-animation-dialog");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        // Validate before the dialog closes, so a bad number is shown, not silently dropped.
        d.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                request(format.getValue(), range.getValue(), whole, current, width.getText(), height.getText(), fps.getText(),
                        frames.getText(), path.getText());
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        d.setResultConverter(b -> b == ButtonType.OK ? request(format.getValue(), range.getValue(), whole, current,
                width.getText(), height.getText(), fps.getText(), frames.getText(), path.getText()) : null);
        return d.showAndWait();
    }

    /** The request the fields describe; IllegalArgumentException naming the field when one is not valid. */
    static AnimationExporter.Request request(AnimationExporter.Format format, Range range, double[] whole, double[] current,
                                             String width, String height, String fps, String frames, String path) {
        double[] t = range == Range.CURRENT_ROUND ? current : whole;
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("Write to: a file or folder is required");
        }
        return new AnimationExporter.Request(format, Path.of(path.trim()), parseInt("width", width), parseInt("height", height),
                parseDouble("frames per second", fps), parseInt("frames", frames), t[0], Math.max(t[0], t[1]));
    }

    private static int parseInt(String name, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a whole number, got '" + s + "'");
        }
    }

    private static double parseDouble(String name, String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a number, got '" + s + "'");
        }
    }
}

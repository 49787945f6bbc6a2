package org.edgeai.app.gui.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.jfree.chart.JFreeChart;

import org.edgeai.app.plot.ChartExport;
import org.edgeai.app.plot.PaperPreset;
import org.edgeai.app.plot.PlotOptions;

/**
 * Export… of a chart: collects the format (svg, pdf, png, tex, csv), the paper preset, the size in inches (empty =
 * the preset's) and the PNG resolution, then the file. It only collects options: the file is written by the plot
 * layer ({@link ChartExport}), the same code as the {@code plot} command.
 */
final class ExportDialog {

    /** What the user chose. */
    record Request(Path file, PlotOptions options, ChartExport.Format format) {
    }

    private ExportDialog() {
    }

    /**
     * Asks for the options and the file; null when cancelled.
     *
     * @param start     the options to start from (the screen's), or null for a chart outside the plot layer
     * @param lineChart true for a line chart of the plot layer (all formats), false for a bar chart (svg, pdf, png)
     */
    static Request ask(Window owner, String name, PlotOptions start, boolean lineChart) {
        PlotOptions base = start != null ? start : PlotOptions.defaults();
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Export " + name);
        d.getDialogPane().setId("export-dialog");
        List<ChartExport.Format> formats = lineChart ? List.of(ChartExport.Format.values())
                : List.of(ChartExport.Format.SVG, ChartExport.Format.PDF, ChartExport.Format.PNG);
        ChoiceBox<ChartExport.Format> format = new ChoiceBox<>();
        format.getItems().setAll(formats);
        format.setValue(ChartExport.Format.SVG);
        ChoiceBox<PaperPreset> preset = new ChoiceBox<>();
        preset.getItems().setAll(PaperPreset.values());
        preset.setValue(base.preset());
        TextField width = new TextField();
        width.setPromptText("preset's");
        TextField height = new TextField();
        height.setPromptText("preset's");
        Spinner<Integer> dpi = new Spinner<>(10, 2400, base.dpi(), 50);
        dpi.setEditable(true);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Format"), format);
        g.addRow(1, new Label("Preset"), preset);
        g.addRow(2, new Label("Width (in)"), width);
        g.addRow(3, new Label("Height (in)"), height);
        g.addRow(4, new Label("DPI (PNG)"), dpi);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (d.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return null;
        }
        PlotOptions o;
        try {
            // the preset's own font: the export is the paper figure, not the screen's larger type
            o = base.withPreset(preset.getValue()).withFont(null, null)
                    .withSize(inches(width.getText(), "width"), inches(height.getText(), "height"))
                    .withDpi(dpi.getValue());
        } catch (IllegalArgumentException e) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, e.getMessage()).showAndWait();
            return null;
        }
        ChartExport.Format f = format.getValue();
        FileChooser ch = new FileChooser();
        ch.setTitle("Export " + name + " as " + f.extension().toUpperCase(Locale.ROOT));
        ch.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.extension().toUpperCase(Locale.ROOT),
                "*." + f.extension()));
        ch.setInitialFileName(name.replace(' ', '-') + "." + f.extension());
        java.io.File file = ch.showSaveDialog(owner);
        if (file == null) {
            return null;
        }
        Path p = file.toPath();
        if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + f.extension())) {
            p = p.resolveSibling(p.getFileName() + "." + f.extension());
        }
        return new Request(p, o, f);
    }

    private static Double inches(String text, String what) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": expected inches (a number) or empty for the preset's, got \"" + t + "\"");
        }
    }

    /** Writes a chart that is not a plot-layer line chart (the bar charts) as SVG, PDF or PNG, in the background. */
    static void writeChart(JFreeChart chart, Request r, Consumer<String> done) {
        double w = r.options().widthPt();
        double h = r.options().heightPt();
        Thread t = new Thread(() -> {
            String problem = null;
            try {
                byte[] bytes = switch (r.format()) {
                    case SVG -> ChartExport.svg(chart, w, h).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    case PDF -> ChartExport.pdf(chart, w, h, null);
                    case PNG -> ChartExport.png(chart, w, h, r.options().dpi());
                    default -> throw new IllegalArgumentException("a bar chart exports as svg, pdf or png, not "
                            + r.format().extension());
                };
                Files.write(r.file(), bytes);
            } catch (Exception e) {
                problem = "cannot export: " + e.getMessage();
            }
            String p = problem;
            Platform.runLater(() -> done.accept(p));
        }, "chart-export");
        t.setDaemon(true);
        t.start();
    }
}

package org.edgeai.app.gui.view;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

import org.edgeai.app.gui.vm.SplitViewModel;
import org.edgeai.model.pipeline.split.SplitRow;

/**
 * The split-inference chart: per cut point a stacked bar of device compute, transfer and server compute (ms), the
 * best cut in full colour and the others faded, and a log-scale bandwidth slider that sets every link of the
 * device–server route and moves the best cut live. Shown by running an experiment with a {@code split} section.
 */
public final class SplitView {

    private final SplitViewModel vm;
    private final BorderPane root = new BorderPane();
    private final CategoryAxis x = new CategoryAxis();
    private final NumberAxis y = new NumberAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
    private final XYChart.Series<String, Number> device = new XYChart.Series<>();
    private final XYChart.Series<String, Number> transfer = new XYChart.Series<>();
    private final XYChart.Series<String, Number> server = new XYChart.Series<>();
    private final Slider slider = new Slider(0, 1, 0.5);
    private final Label empty = new Label("Run an experiment with a 'split' section (e.g. the sample "
            + "split-phone-edge-alexnet.json) to see its latency against the cut point here.");

    public SplitView(SplitViewModel vm) {
        this.vm = vm;
        device.setName("device compute");
        transfer.setName("transfer");
        server.setName("server compute");
        chart.setAnimated(false);
        chart.setCategoryGap(3);
        chart.getData().add(device);
        chart.getData().add(transfer);
        chart.getData().add(server);
        chart.setId("split-chart");
        x.setLabel("cut after layer (layers on the device)");
        x.setTickLabelRotation(-50);
        y.setLabel("latency (ms)");
        chart.setMinSize(0, 0);

        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.setMinWidth(0);
        Label best = new Label();
        best.setId("split-best");
        best.textProperty().bind(vm.bestTextProperty());
        best.setStyle("-fx-font-weight: bold;");
        HBox header = new HBox(14, title, best);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(3, 6, 3, 6));

        slider.setId("split-bandwidth");
        slider.valueProperty().bindBidirectional(vm.sliderProperty());
        slider.setTooltip(new Tooltip("Bandwidth of every link between the device and the server (log scale, "
                + SplitViewModel.mbpsText(SplitViewModel.MIN_MBPS) + " to " + SplitViewModel.mbpsText(SplitViewModel.MAX_MBPS) + ")"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        Label bw = new Label();
        bw.setId("split-bandwidth-text");
        bw.textProperty().bind(vm.bandwidthTextProperty());
        bw.setMinWidth(90);
        Button reset = new Button("File's bandwidth");
        reset.setId("split-reset");
        reset.setOnAction(e -> {
            if (!Double.isNaN(vm.fileBandwidthMbps())) {
                vm.setBandwidthMbps(vm.fileBandwidthMbps());
            }
        });
        HBox controls = new HBox(8, new Label("Bandwidth"), slider, bw, reset);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(3, 6, 4, 6));

        empty.setWrapText(true);
        empty.getStyleClass().add("placeholder");
        StackPane centre = new StackPane(chart, empty);
        centre.setMinSize(0, 0);
        root.setTop(header);
        root.setCenter(centre);
        root.setBottom(controls);
        root.setMinSize(0, 0);
        vm.rowsProperty().addListener((o, a, rows) -> update(rows));
        update(vm.rows());
    }

    public Node node() {
        return root;
    }

    private void update(List<SplitRow> rows) {
        empty.setVisible(rows.isEmpty());
        chart.setVisible(!rows.isEmpty());
        List<String> labels = vm.cutLabels();
        boolean same = device.getData().size() == rows.size();
        for (int i = 0; same && i < rows.size(); i++) {
            same = device.getData().get(i).getXValue().equals(labels.get(i));
        }
        if (!same) {
            x.getCategories().setAll(labels);
            device.getData().clear();
            transfer.getData().clear();
            server.getData().clear();
            for (int i = 0; i < rows.size(); i++) {
                device.getData().add(new XYChart.Data<>(labels.get(i), 0));
                transfer.getData().add(new XYChart.Data<>(labels.get(i), 0));
                server.getData().add(new XYChart.Data<>(labels.get(i), 0));
            }
        }
        int best = vm.bestCut();
        for (int i = 0; i < rows.size(); i++) {
            SplitRow r = rows.get(i);
            device.getData().get(i).setYValue(r.deviceSeconds() * 1e3);
            transfer.getData().get(i).setYValue(r.transferSeconds() * 1e3);
            server.getData().get(i).setYValue(r.serverSeconds() * 1e3);
            for (XYChart.Series<String, Number> s : List.of(device, transfer, server)) {
                Node n = s.getData().get(i).getNode();
                if (n != null) {
                    boolean isBest = r.cutAfterLayer() == best;
                    n.setOpacity(isBest ? 1 : 0.45);
                    n.setStyle(isBest ? "-fx-border-color: #222; -fx-border-width: 1.5;" : "");
                }
            }
        }
    }
}

package org.edgeai.app.gui.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.controlsfx.control.StatusBar;

import org.edgeai.app.gui.layout.Perspective;
import org.edgeai.app.gui.layout.ViewId;
import org.edgeai.app.gui.layout.WindowBounds;
import org.edgeai.app.gui.layout.WorkbenchLayout;
import org.edgeai.app.gui.vm.CommandCatalog;
import org.edgeai.app.gui.vm.TopologyEditorViewModel;
import org.edgeai.app.gui.vm.WorkbenchViewModel;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * The main window: menu bar (built from {@link CommandCatalog}), tool bar with the perspective switcher,
 * the rendered layout (views around the editor area) and a ControlsFX status bar with the current file,
 * the selection and background-task progress. Also: light and dark themes, presentation mode, autosave
 * every 30 s, files dropped on the window, and the quit prompt when the window is closed.
 */
public final class WorkbenchWindow {

    static final String BASE_CSS = css("workbench.css");
    static final String LIGHT_CSS = css("light.css");
    static final String DARK_CSS = css("dark.css");

    private final WorkbenchViewModel vm;
    private final WorkbenchLayout layout;
    private final PaletteDrag drag = new PaletteDrag();
    private final EditorArea editorArea;
    private final RunControlsView runControls;
    private final Map<ViewId, Node> viewNodes = new EnumMap<>(ViewId.class);
    private final SpectrumView spectrumView;
    private final ChartsView chartsView;
    private final TimelineView timelineView;
    private final LayoutRenderer renderer;
    private final BorderPane root = new BorderPane();
    private final ToolBar toolBar = new ToolBar();
    private final HBox perspectiveSwitcher = new HBox(0);
    private HBox toolRow;
    private final StatusBar statusBar = new StatusBar();
    private final Map<String, Runnable> actions = new LinkedHashMap<>();
    private final Map<String, MenuItem> menuItems = new LinkedHashMap<>();
    private final ToggleGroup perspectiveGroup = new ToggleGroup();
    private final Map<ViewId, CheckMenuItem> viewToggles = new EnumMap<>(ViewId.class);
    private Stage stage;
    private Timeline autosave;
    private javafx.animation.AnimationTimer frames;
    private Runnable onExit = Platform::exit;
    private GenerateDialog generateDialog;
    private java.util.concurrent.CompletableFuture<Integer> preloaded = java.util.concurrent.CompletableFuture.completedFuture(0);

    public WorkbenchWindow(WorkbenchViewModel vm) {
        this.vm = vm;
        this.layout = vm.layout();
        this.editorArea = new EditorArea(vm, drag);
        this.spectrumView = new SpectrumView(vm.spectrum());
        viewNodes.put(ViewId.PALETTE, new PaletteView(vm, drag).node());
        viewNodes.put(ViewId.EXPLORER, new ExplorerView(vm).node());
        viewNodes.put(ViewId.PROPERTIES, new PropertiesView(vm.properties()).node());
        viewNodes.put(ViewId.OUTLINE, new OutlineView(vm.outline()).node());
        viewNodes.put(ViewId.SETTINGS, new SettingsView(vm.settings()).node());
        viewNodes.put(ViewId.SPECTRUM, spectrumView.node());
        viewNodes.put(ViewId.CONSOLE, new ConsoleView(vm.console()).node());
        this.chartsView = new ChartsView(vm.charts());
        chartsView.setOnCompare(() -> openCompare());
        viewNodes.put(ViewId.CHARTS, chartsView.node());
        viewNodes.put(ViewId.MODEL, new ModelView(vm.model()).node());
        this.timelineView = new TimelineView(vm.timeline(), vm.runSession());
        viewNodes.put(ViewId.TIMELINE, timelineView.node());
        viewNodes.put(ViewId.SPLIT, new SplitView(vm.split()).node());
        vm.pipelineRun().setOnShowSplit(() -> layout.show(ViewId.SPLIT));
        vm.pipelineRun().setOnShowPipeline(() -> layout.show(ViewId.TIMELINE));
        renderer = new LayoutRenderer(layout, viewNodes::get, editorArea.node());
        // While the active editor's experiment runs, the views that edit it are read-only (the document refuses
        // edits anyway; this shows it).
        for (ViewId v : new ViewId[] {ViewId.PALETTE, ViewId.PROPERTIES, ViewId.SETTINGS}) {
            Node target = lockTarget(viewNodes.get(v));
            if (target != null) {
                target.disableProperty().bind(vm.runs().activeLockedProperty());
            }
        }
        runControls = new RunControlsView(vm.runs(), this::openRunFolder);
        defineActions();
        ToolBar tools = toolBar();
        HBox.setHgrow(tools, Priority.ALWAYS);
        // The perspective switcher sits beside the tool bar, never in its overflow menu.
        HBox bar = new HBox(tools, perspectiveSwitcher);
        bar.getStyleClass().add("tool-bar-row");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // The run controls stay visible in presentation mode (Teach), where the tool bar is hidden.
        root.setTop(new VBox(menuBar(), bar, runControls.node()));
        toolRow = bar;
        root.setCenter(renderer.node());
        root.setBottom(statusBar());
        root.getStyleClass().add("workbench");
        layout.addListener(this::layoutChanged);
        vm.activeProperty().addListener((o, a, ed) -> syncEditorToggles());
    }

    private static String css(String name) {
        var url = WorkbenchWindow.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing style sheet " + name);
        }
        return url.toExternalForm();
    }

    /**
     * The part of a view to disable while its editor is locked: its content, since a tab sets the disable state of
     * the view itself (its content node) and a bound value could not be set.
     */
    private static Node lockTarget(Node view) {
        if (view instanceof javafx.scene.control.ScrollPane sp) {
            return sp.getContent();
        }
        if (view instanceof BorderPane bp) {
            return bp.getCenter();
        }
        return null;
    }

    private static Node placeholder(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("placeholder");
        StackPane p = new StackPane(l);
        p.setMinSize(0, 0);
        return p;
    }

    // ------------------------------------------------------------------ showing

    /** Builds the scene on {@code stage}, restores the window bounds and shows it. */
    public void show(Stage stage) {
        this.stage = stage;
        WindowBounds b = fitOnScreen(layout.window());
        Scene scene = new Scene(root, b.width(), b.height());
        stage.setScene(scene);
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setMaximized(b.maximized());
        stage.setTitle("Edge AI Workbench");
        applyTheme();
        applyPresentation();
        renderer.attachTo(stage, scene.getStylesheets());
        prestyle();
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                vm.openDropped(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        stage.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
        stage.show();
        preloaded = ClassPreloader.start();
        autosave = new Timeline(new KeyFrame(Duration.seconds(WorkbenchViewModel.AUTOSAVE_SECONDS), e -> vm.autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
        // One frame pulse for every run-time view: drain the engine, move the playback cursor, redraw.
        frames = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.runSession().pulse(now);
            }
        };
        frames.start();
        // A hidden window (closed, or torn down by a test) keeps no timers: nothing fires into a workbench that is gone.
        stage.setOnHidden(e -> {
            autosave.stop();
            frames.stop();
        });
        syncPerspectiveButtons();
        syncEditorToggles();
    }

    /**
     * Lays out every perspective once while the window opens, so each view gets its skin and JavaFX's style
     * caches fill for every place a view can be: otherwise the first switch to a perspective would do all of
     * it at once on the JavaFX thread (60+ ms). Ends on the perspective the user had.
     */
    private void prestyle() {
        String start = layout.activeId();
        for (String id : layout.perspectives().keySet()) {
            layout.switchTo(id);
            renderer.flush();
            root.applyCss();
            root.layout();
        }
        layout.switchTo(start);
        renderer.flush();
        root.applyCss();
        var gens = vm.services().generators().generators();
        if (!gens.isEmpty() && vm.active() != null) {
            generateDialog = new GenerateDialog(stage, gens, null, vm::generate);
            generateDialog.prestyle(stage.getScene().getStylesheets());
        }
        // Views that no perspective shows first (unselected tabs) get their skins now too.
        javafx.scene.Group holder = new javafx.scene.Group();
        holder.setManaged(false);
        holder.setVisible(false);
        for (Node v : viewNodes.values()) {
            if (v.getParent() == null) {
                holder.getChildren().add(v);
            }
        }
        if (!holder.getChildren().isEmpty()) {
            root.getChildren().add(holder);
            holder.applyCss();
            holder.getChildren().clear();
            root.getChildren().remove(holder);
        }
    }

    private static WindowBounds fitOnScreen(WindowBounds b) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(b.width(), screen.getWidth());
        double h = Math.min(b.height(), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(b.x(), screen.getMaxX() - w));
        double y = Math.max(screen.getMinY(), Math.min(b.y(), screen.getMaxY() - h));
        return new WindowBounds(x, y, w, h, b.maximized());
    }

    /** The Timeline view (tests, screenshots). */
    public TimelineView timelineView() {
        return timelineView;
    }

    /** What to do once the workbench may exit (default: {@code Platform.exit()}; tests override it). */
    public void setOnExit(Runnable r) {
        onExit = r;
    }

    /** Asks about unsaved work, then records the window and closes everything. */
    public void quit() {
        vm.requestQuit(() -> {
            vm.runSession().runs().forEach(org.edgeai.app.gui.run.LiveRun::cancel); // their files end "stopped"
            if (stage != null && !stage.isIconified()) {
                layout.setWindow(new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                        stage.isMaximized()));
                vm.saveLayout();
            }
            if (autosave != null) {
                autosave.stop();
            }
            if (frames != null) {
                frames.stop();
            }
            renderer.closeDetached();
            if (stage != null) {
                stage.hide();
            }
            onExit.run();
        });
    }

    /** Completes when the background class preloading is done (tests wait for it as part of startup). */
    public java.util.concurrent.CompletableFuture<Integer> preloaded() {
        return preloaded;
    }

    public Stage stage() {
        return stage;
    }

    /** The Charts view (tests read its charts). */
    public ChartsView chartsView() {
        return chartsView;
    }

    /**
     * Opens the Compare dialog on the active experiment (Run &gt; Compare…) once the comparison is prepared in the
     * background; the future completes with the dialog shown, or null without an experiment or on a problem (in
     * the Console).
     */
    public java.util.concurrent.CompletableFuture<CompareDialog> openCompare() {
        java.util.concurrent.CompletableFuture<CompareDialog> f = new java.util.concurrent.CompletableFuture<>();
        if (ed() == null) {
            vm.console().warn("Compare: open an experiment first");
            f.complete(null);
            return f;
        }
        vm.compare(ed(), c -> {
            c.setOnFinished(() -> layout.show(ViewId.CHARTS)); // "opens the overlaid results"
            CompareDialog d = new CompareDialog(stage, c);
            d.show();
            f.complete(d);
        }, e -> f.complete(null));
        return f;
    }

    public EditorArea editorArea() {
        return editorArea;
    }

    public LayoutRenderer renderer() {
        return renderer;
    }

    /** Runs a menu command by id (tests, and the key bindings). */
    public void run(String commandId) {
        Runnable r = actions.get(commandId);
        if (r == null) {
            throw new IllegalArgumentException("no action for command '" + commandId + "'");
        }
        r.run();
    }

    // ------------------------------------------------------------------ commands

    private TopologyEditorViewModel ed() {
        return vm.active();
    }

    private void onEditor(java.util.function.Consumer<TopologyEditorViewModel> f) {
        if (ed() != null) {
            f.accept(ed());
        }
    }

    private void onCanvas(java.util.function.Consumer<TopologyCanvasView> f) {
        TopologyCanvasView c = editorArea.activeCanvas();
        if (c != null) {
            f.accept(c);
        }
    }

    private void defineActions() {
        actions.put("file.new", vm::newExperiment);
        actions.put("file.open", vm::openWithDialog);
        actions.put("file.save", vm::save);
        actions.put("file.saveAs", vm::saveAs);
        actions.put("file.import", vm::importWithDialog);
        actions.put("file.export", vm::exportWithDialog);
        actions.put("file.close", vm::closeActive);
        actions.put("file.quit", this::quit);
        actions.put("edit.undo", vm::undo);
        actions.put("edit.redo", vm::redo);
        actions.put("edit.cut", () -> onEditor(TopologyEditorViewModel::cut));
        actions.put("edit.copy", () -> onEditor(TopologyEditorViewModel::copy));
        actions.put("edit.paste", () -> onEditor(TopologyEditorViewModel::paste));
        actions.put("edit.delete", () -> onEditor(TopologyEditorViewModel::deleteSelection));
        actions.put("edit.selectAll", () -> onEditor(TopologyEditorViewModel::selectAll));
        actions.put("view.zoomIn", () -> onCanvas(c -> c.viewModel().viewport().zoomAt(1.25, c.getWidth() / 2, c.getHeight() / 2)));
        actions.put("view.zoomOut", () -> onCanvas(c -> c.viewModel().viewport().zoomAt(0.8, c.getWidth() / 2, c.getHeight() / 2)));
        actions.put("view.fit", () -> onCanvas(TopologyCanvasView::fit));
        actions.put("view.grid", () -> onEditor(e -> e.gridVisibleProperty().set(!e.gridVisibleProperty().get())));
        actions.put("view.snap", () -> onEditor(e -> e.snapToGridProperty().set(!e.snapToGridProperty().get())));
        actions.put("view.theme", () -> layout.setTheme(layout.theme() == WorkbenchLayout.Theme.DARK
                ? WorkbenchLayout.Theme.LIGHT : WorkbenchLayout.Theme.DARK));
        actions.put("view.presentation", () -> layout.setPresentation(!layout.presentation()));
        actions.put("view.resetPerspective", layout::resetActive);
        for (String id : layout.perspectives().keySet()) {
            actions.put("view.perspective." + id, () -> layout.switchTo(id));
        }
        actions.put("run.start", vm.runs()::start);
        actions.put("run.pause", vm.runs()::togglePause);
        actions.put("run.stepEvent", vm.runs()::stepEvent);
        actions.put("run.stepRound", vm.runs()::stepRound);
        actions.put("run.jump", runControls::focusRound);
        actions.put("run.reset", vm.runs()::reset);
        actions.put("run.cancel", vm.runs()::cancel);
        actions.put("run.openFolder", this::openRunFolder);
        actions.put("run.compare", () -> openCompare());
        actions.put("tools.generate", () -> openGenerate(null));
        actions.put("tools.layout.circle", () -> vm.relayout(LayoutKind.CIRCLE));
        actions.put("tools.layout.tree", () -> vm.relayout(LayoutKind.TREE));
        actions.put("tools.layout.force", () -> vm.relayout(LayoutKind.FORCE));
        actions.put("tools.layout.grid", () -> vm.relayout(LayoutKind.GRID));
        actions.put("help.shortcuts", this::showShortcuts);
        actions.put("help.about", this::showAbout);
    }

    /** Opens the Generate dialog (on generator {@code id}, or the first). Returns it (tests drive it). */
    public GenerateDialog openGenerate(String id) {
        if (ed() == null) {
            vm.newExperiment();
        }
        var gens = vm.services().generators().generators();
        if (gens.isEmpty()) {
            vm.console().warn("no topology generators were found (the plugins module provides them)");
            return null;
        }
        if (generateDialog == null) {
            generateDialog = new GenerateDialog(stage, gens, id, vm::generate);
        }
        generateDialog.reopen(id);
        return generateDialog;
    }

    private MenuBar menuBar() {
        Map<String, Menu> menus = new LinkedHashMap<>();
        for (String m : CommandCatalog.MENUS) {
            Menu menu = new Menu(m);
            menu.setId("menu-" + m.toLowerCase(java.util.Locale.ROOT));
            menus.put(m, menu);
        }
        java.util.Set<String> separatorBefore = java.util.Set.of("file.import", "file.close", "edit.cut", "edit.selectAll",
                "view.grid", "view.theme", "view.resetPerspective", "run.jump", "run.cancel", "tools.layout.circle",
                "help.about");
        for (CommandCatalog.Command c : CommandCatalog.all()) {
            Menu menu = menus.get(c.menu());
            if (separatorBefore.contains(c.id())) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            MenuItem item = switch (c.id()) {
                case "view.grid", "view.snap", "view.theme", "view.presentation" -> new CheckMenuItem(c.label());
                default -> new MenuItem(c.label());
            };
            item.setId("cmd-" + c.id().replace('.', '-'));
            item.setAccelerator(KeyCombination.keyCombination(c.accelerator()));
            Runnable action = actions.get(c.id());
            item.setOnAction(e -> action.run());
            switch (c.id()) {
                case "run.start" -> item.disableProperty().bind(vm.runs().canStartProperty().not());
                case "run.cancel" -> item.disableProperty().bind(vm.runSession().runningProperty().not());
                case "run.openFolder" -> item.disableProperty().bind(vm.runs().runDirProperty().isNull());
                case "run.pause", "run.stepEvent", "run.stepRound", "run.jump", "run.reset" ->
                        item.disableProperty().bind(vm.runs().hasRunProperty().not());
                default -> { }
            }
            menuItems.put(c.id(), item);
            menu.getItems().add(item);
            if (c.id().equals("file.saveAs")) {
                menu.getItems().add(recentMenu());
            }
        }
        Menu views = new Menu("Show View");
        for (ViewId v : ViewId.values()) {
            CheckMenuItem i = new CheckMenuItem(v.title());
            i.setId("show-" + v.id());
            i.setOnAction(e -> layout.toggle(v));
            viewToggles.put(v, i);
            views.getItems().add(i);
        }
        menus.get("View").getItems().add(0, views);
        menus.get("View").getItems().add(1, new SeparatorMenuItem());
        syncViewToggles();
        MenuItem undo = menuItems.get("edit.undo");
        MenuItem redo = menuItems.get("edit.redo");
        vm.activeProperty().addListener((o, a, e) -> bindUndo(undo, redo, e));
        bindUndo(undo, redo, vm.active());
        MenuBar bar = new MenuBar(menus.values().toArray(Menu[]::new));
        bar.setId("menubar");
        return bar;
    }

    private Menu recentMenu() {
        Menu recent = new Menu("Open Recent");
        Runnable fill = () -> {
            recent.getItems().clear();
            for (Path p : vm.recentFiles()) {
                MenuItem i = new MenuItem(p.toString());
                i.setOnAction(e -> vm.open(p));
                recent.getItems().add(i);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        vm.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> fill.run());
        fill.run();
        return recent;
    }

    private static void bindUndo(MenuItem undo, MenuItem redo, TopologyEditorViewModel e) {
        undo.textProperty().unbind();
        redo.textProperty().unbind();
        undo.disableProperty().unbind();
        redo.disableProperty().unbind();
        if (e == null) {
            undo.setText("Undo");
            redo.setText("Redo");
            undo.setDisable(true);
            redo.setDisable(true);
            return;
        }
        undo.textProperty().bind(Bindings.concat("Undo ", e.document().undoNameProperty()));
        redo.textProperty().bind(Bindings.concat("Redo ", e.document().redoNameProperty()));
        undo.disableProperty().bind(e.document().canUndoProperty().not());
        redo.disableProperty().bind(e.document().canRedoProperty().not());
    }

    private ToolBar toolBar() {
        toolBar.setId("toolbar");
        toolBar.getItems().addAll(
                tool("file.new", "New"), tool("file.open", "Open"), tool("file.save", "Save"), new Separator(),
                tool("edit.undo", "\u21b6 Undo"), tool("edit.redo", "\u21b7 Redo"), new Separator(),
                tool("view.zoomIn", "+"), tool("view.zoomOut", "\u2212"), tool("view.fit", "Fit"), new Separator(),
                tool("tools.generate", "Generate\u2026"), tool("tools.layout.force", "Re-layout"), new Separator(),
                tool("view.theme", "Theme"), tool("view.presentation", "Present"));
        HBox persp = perspectiveSwitcher;
        persp.getStyleClass().add("perspective-switcher");
        persp.setPadding(new javafx.geometry.Insets(0, 8, 0, 8));
        persp.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        for (Perspective p : layout.perspectives().values()) {
            ToggleButton b = new ToggleButton(p.title());
            b.setId("perspective-" + p.id());
            b.setUserData(p.id());
            b.setToggleGroup(perspectiveGroup);
            b.setTooltip(new Tooltip(p.title() + " perspective (" + CommandCatalog.get("view.perspective." + p.id()).accelerator()
                    .replace("Shortcut", "Ctrl") + ")"));
            b.setOnAction(e -> {
                layout.switchTo(p.id());
                syncPerspectiveButtons();
            });
            persp.getChildren().add(b);
        }
        return toolBar;
    }

    private Button tool(String commandId, String text) {
        CommandCatalog.Command c = CommandCatalog.get(commandId);
        Button b = new Button(text);
        b.setId("tool-" + commandId.replace('.', '-'));
        b.setTooltip(new Tooltip(c.label() + " (" + c.accelerator().replace("Shortcut", "Ctrl") + ")"));
        b.setOnAction(e -> actions.get(commandId).run());
        return b;
    }

    private StatusBar statusBar() {
        statusBar.setId("statusbar");
        statusBar.textProperty().bind(Bindings.createStringBinding(() -> vm.taskStatusProperty().get().isEmpty()
                ? vm.fileStatusProperty().get() : vm.fileStatusProperty().get() + "   \u2014   " + vm.taskStatusProperty().get(),
                vm.fileStatusProperty(), vm.taskStatusProperty()));
        Label selection = new Label();
        selection.setId("status-selection");
        selection.textProperty().bind(vm.selectionStatusProperty());
        statusBar.getRightItems().add(selection);
        Label run = new Label();
        run.setId("status-run");
        run.textProperty().bind(Bindings.createStringBinding(() -> {
            String p = vm.runs().progressTextProperty().get();
            String m = vm.runs().statusProperty().get();
            return p.isEmpty() ? m : m.isEmpty() ? p : p + "  \u2014  " + m;
        }, vm.runs().progressTextProperty(), vm.runs().statusProperty()));
        run.setMaxWidth(520);
        statusBar.getRightItems().add(0, run);
        statusBar.progressProperty().bind(vm.progressProperty());
        return statusBar;
    }

    // ------------------------------------------------------------------ reacting to the layout model

    private void layoutChanged() {
        applyTheme();
        applyPresentation();
        syncPerspectiveButtons();
        syncViewToggles();
    }

    private void applyTheme() {
        boolean dark = layout.theme() == WorkbenchLayout.Theme.DARK;
        List<String> sheets = new ArrayList<>(List.of(BASE_CSS, dark ? DARK_CSS : LIGHT_CSS));
        if (stage != null && stage.getScene() != null && !stage.getScene().getStylesheets().equals(sheets)) {
            stage.getScene().getStylesheets().setAll(sheets);
            renderer.setStylesheets(sheets);
        }
        CanvasTheme ct = dark ? CanvasTheme.DARK : CanvasTheme.LIGHT;
        editorArea.setTheme(ct);
        spectrumView.setTheme(ct);
        timelineView.setTheme(ct);
        if (menuItems.get("view.theme") instanceof CheckMenuItem c) {
            c.setSelected(dark);
        }
    }

    private void applyPresentation() {
        boolean on = layout.presentation();
        if (on && !root.getStyleClass().contains("presentation")) {
            root.getStyleClass().add("presentation");
        } else if (!on) {
            root.getStyleClass().remove("presentation");
        }
        // Hidden chrome: the tool bar and status bar go; the menu bar stays (F11 leaves presentation mode).
        if (toolRow != null) {
            toolRow.setVisible(!on);
            toolRow.setManaged(!on);
        }
        statusBar.setVisible(!on);
        statusBar.setManaged(!on);
        editorArea.setPresentationScale(on ? 1.6 : 1);
        if (menuItems.get("view.presentation") instanceof CheckMenuItem c) {
            c.setSelected(on);
        }
    }

    private void syncPerspectiveButtons() {
        perspectiveGroup.getToggles().forEach(t -> t.setSelected(layout.activeId().equals(t.getUserData())));
    }

    private void syncViewToggles() {
        viewToggles.forEach((v, i) -> i.setSelected(layout.active().isVisible(v)));
    }

    private void syncEditorToggles() {
        TopologyEditorViewModel e = ed();
        if (menuItems.get("view.grid") instanceof CheckMenuItem g) {
            g.setSelected(e != null && e.gridVisibleProperty().get());
        }
        if (menuItems.get("view.snap") instanceof CheckMenuItem s) {
            s.setSelected(e != null && e.snapToGridProperty().get());
        }
    }

    /**
     * Opens the shown run's folder in the system's file browser (in the background; where there is no desktop, the
     * console names the folder).
     */
    private void openRunFolder() {
        Path dir = vm.runs().runFolder();
        if (dir == null) {
            vm.console().info("No run yet: Run \u203a Run Experiment (F5) writes its files to a new folder under "
                    + "the workbench's runs folder");
            return;
        }
        vm.console().info("run folder: " + dir);
        if (java.awt.GraphicsEnvironment.isHeadless()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                if (java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                    java.awt.Desktop.getDesktop().open(dir.toFile());
                }
            } catch (java.io.IOException | RuntimeException e) {
                Platform.runLater(() -> vm.console().warn("cannot open " + dir + ": " + e.getMessage()));
            }
        }, "open run folder");
        t.setDaemon(true);
        t.start();
    }

    /** The run controls row (tests drive it). */
    public RunControlsView runControls() {
        return runControls;
    }

    private void showShortcuts() {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(stage);
        a.setTitle("Keyboard Shortcuts");
        a.setHeaderText("Keyboard shortcuts (Ctrl is Cmd on a Mac)");
        TextArea t = new TextArea(CommandCatalog.shortcutsText() + "\nOn the canvas: arrows pan, +/\u2212 zoom, wheel zooms at the cursor,\n"
                + "right/middle drag pans, Shift/Ctrl+click adds to the selection, Alt+drag links, Esc selects the select tool.");
        t.setEditable(false);
        t.setStyle("-fx-font-family: monospace;");
        t.setPrefColumnCount(70);
        t.setPrefRowCount(28);
        a.getDialogPane().setContent(t);
        a.getDialogPane().setId("shortcuts-dialog");
        a.show();
    }

    private void showAbout() {
        Alert a = new Alert(Alert.AlertType.INFORMATION,
                "Visual experiments on communication-efficient edge AI.\nlatency = (L / r) \u00b7 N + T \u00b7 N", ButtonType.CLOSE);
        a.initOwner(stage);
        a.setTitle("About");
        a.setHeaderText("Edge AI Workbench");
        a.show();
    }
}

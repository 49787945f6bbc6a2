package org.edgeai.app.gui.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Saves and restores a {@link WorkbenchLayout} as a small JSON file ({@code layout.json} in the
 * workbench's home directory). A missing file gives the default layout; a damaged one gives the default
 * layout and a message saying what was wrong, so the workbench always starts. Writes are atomic
 * (temporary file, then move).
 */
public final class LayoutStore {

    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public LayoutStore(Path file) {
        this.file = Objects.requireNonNull(file);
    }

    public Path file() {
        return file;
    }

    /**
     * The result of loading.
     *
     * @param layout  the layout restored, or the default one
     * @param problem empty, or why the saved layout could not be used
     */
    public record Loaded(WorkbenchLayout layout, String problem) {
    }

    public Loaded load() {
        if (!Files.isRegularFile(file)) {
            return new Loaded(WorkbenchLayout.defaults(), "");
        }
        try {
            return new Loaded(fromJson(JSON.readTree(file.toFile())), "");
        } catch (IOException | RuntimeException e) {
            return new Loaded(WorkbenchLayout.defaults(),
                    "the saved layout " + file + " could not be used (" + e.getMessage() + "); using the default layout");
        }
    }

    /** Writes the layout atomically. */
    public void save(WorkbenchLayout layout) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), toJson(layout));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    // ------------------------------------------------------------------ JSON

    static ObjectNode toJson(WorkbenchLayout l) {
        ObjectNode root = JSON.createObjectNode();
        root.put("layoutVersion", VERSION);
        root.put("active", l.activeId());
        root.put("theme", l.theme().id());
        root.set("window", bounds(l.window()));
        ArrayNode ps = root.putArray("perspectives");
        for (Perspective p : l.perspectives().values()) {
            ObjectNode o = ps.addObject();
            o.put("id", p.id());
            o.put("title", p.title());
            o.put("presentation", p.presentation());
            ObjectNode stacks = o.putObject("stacks");
            for (StackPosition pos : StackPosition.values()) {
                PartStack s = p.stack(pos);
                ObjectNode so = stacks.putObject(pos.id());
                so.put("size", s.size());
                ArrayNode vs = so.putArray("views");
                s.views().forEach(v -> vs.add(v.id()));
                if (s.selected() != null) {
                    so.put("selected", s.selected().id());
                }
            }
            ArrayNode det = o.putArray("detached");
            for (Map.Entry<ViewId, WindowBounds> e : p.detached().entrySet()) {
                ObjectNode d = bounds(e.getValue());
                d.put("view", e.getKey().id());
                det.add(d);
            }
            ObjectNode home = o.putObject("home");
            for (ViewId v : ViewId.values()) {
                home.put(v.id(), p.home(v).id());
            }
        }
        return root;
    }

    static WorkbenchLayout fromJson(JsonNode root) {
        int version = root.path("layoutVersion").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException("layoutVersion: expected " + VERSION + ", got " + root.path("layoutVersion"));
        }
        WorkbenchLayout l = new WorkbenchLayout();
        for (JsonNode o : required(root, "perspectives")) {
            String id = text(o, "id");
            Perspective p = new Perspective(id, text(o, "title"),
                    size(o, StackPosition.LEFT), size(o, StackPosition.RIGHT), size(o, StackPosition.BOTTOM));
            p.setPresentation(o.path("presentation").asBoolean(false));
            EnumSet<ViewId> seen = EnumSet.noneOf(ViewId.class);
            for (StackPosition pos : StackPosition.values()) {
                JsonNode so = required(required(o, "stacks"), pos.id());
                for (JsonNode v : required(so, "views")) {
                    ViewId view = ViewId.fromId(v.asText());
                    if (!seen.add(view)) {
                        throw new IllegalArgumentException("perspective " + id + ": view " + view.id() + " placed twice");
                    }
                    p.add(pos, view);
                }
                if (so.hasNonNull("selected")) {
                    p.selectRaw(pos, ViewId.fromId(so.get("selected").asText()));
                }
            }
            for (JsonNode d : o.path("detached")) {
                ViewId view = ViewId.fromId(text(d, "view"));
                if (!seen.add(view)) {
                    throw new IllegalArgumentException("perspective " + id + ": view " + view.id() + " placed twice");
                }
                p.putDetached(view, bounds(d));
            }
            Iterator<Map.Entry<String, JsonNode>> homes = o.path("home").fields();
            while (homes.hasNext()) {
                Map.Entry<String, JsonNode> e = homes.next();
                p.setHome(ViewId.fromId(e.getKey()), StackPosition.fromId(e.getValue().asText()));
            }
            l.putPerspective(p);
        }
        // Perspectives added in a later version of the workbench appear with their defaults.
        for (String id : Perspectives.ids()) {
            if (!l.perspectives().containsKey(id)) {
                l.putPerspective(Perspectives.defaultOf(id));
            }
        }
        String active = text(root, "active");
        if (!l.perspectives().containsKey(active)) {
            throw new IllegalArgumentException("active: no perspective '" + active + "'");
        }
        l.setActiveRaw(active);
        l.setThemeRaw(WorkbenchLayout.Theme.fromId(root.path("theme").asText("light")));
        l.setWindow(bounds(required(root, "window")));
        return l;
    }

    private static ObjectNode bounds(WindowBounds b) {
        ObjectNode o = JSON.createObjectNode();
        o.put("x", b.x());
        o.put("y", b.y());
        o.put("width", b.width());
        o.put("height", b.height());
        o.put("maximized", b.maximized());
        return o;
    }

    private static WindowBounds bounds(JsonNode o) {
        return new WindowBounds(number(o, "x"), number(o, "y"), number(o, "width"), number(o, "height"),
                o.path("maximized").asBoolean(false));
    }

    private static double size(JsonNode perspective, StackPosition p) {
        return number(required(required(perspective, "stacks"), p.id()), "size");
    }

    private static JsonNode required(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return v;
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = required(o, key);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + key + "': expected a string, got " + v);
        }
        return v.asText();
    }

    private static double number(JsonNode o, String key) {
        JsonNode v = required(o, key);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("'" + key + "': expected a number, got " + v);
        }
        return v.asDouble();
    }
}

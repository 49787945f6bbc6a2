package org.edgeai.app.gui.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The e4-style layout model, without a screen. */
class WorkbenchLayoutTest {

    @Test
    void defaultsHaveTheFivePerspectivesAndEveryViewInOnePlaceAtMost() {
        WorkbenchLayout l = WorkbenchLayout.defaults();
        assertEquals(List.of("design", "run", "analyze", "pipeline", "teach"), List.copyOf(l.perspectives().keySet()));
        assertEquals("design", l.activeId());
        for (Perspective p : l.perspectives().values()) {
            EnumSet<ViewId> seen = EnumSet.noneOf(ViewId.class);
            for (StackPosition pos : StackPosition.values()) {
                for (ViewId v : p.stack(pos).views()) {
                    assertTrue(seen.add(v), p.id() + ": " + v + " twice");
                }
            }
        }
        Perspective design = l.active();
        assertEquals(List.of(ViewId.PALETTE, ViewId.EXPLORER), design.stack(StackPosition.LEFT).views());
        assertEquals(ViewId.PROPERTIES, design.stack(StackPosition.RIGHT).selected());
        assertFalse(design.presentation());
        assertTrue(l.perspectives().get("teach").presentation());
        assertTrue(l.perspectives().get("run").isVisible(ViewId.CHARTS));
        assertFalse(design.isVisible(ViewId.CHARTS));
    }

    @Test
    void switchingKeepsEachPerspectivesOwnArrangement() {
        WorkbenchLayout l = WorkbenchLayout.defaults();
        List<String> events = new ArrayList<>();
        l.addListener(() -> events.add(l.activeId()));
        l.move(ViewId.CONSOLE, StackPosition.LEFT);
        l.switchTo("run");
        assertEquals(Optional.of(StackPosition.BOTTOM), l.active().stackOf(ViewId.CONSOLE));
        l.switchTo("design");
        assertEquals(Optional.of(StackPosition.LEFT), l.active().stackOf(ViewId.CONSOLE));
        assertEquals(List.of("design", "run", "design"), events);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.switchTo("debug"));
        assertTrue(e.getMessage().contains("design, run, analyze, pipeline, teach"), e.getMessage());
    }

    @Test
    void hiddenViewsReturnHomeAndDetachedViewsReattachWhereTheyWere() {
        WorkbenchLayout l = WorkbenchLayout.defaults();
        l.move(ViewId.OUTLINE, StackPosition.BOTTOM);
        l.hide(ViewId.OUTLINE);
        assertFalse(l.active().isVisible(ViewId.OUTLINE));
        l.show(ViewId.OUTLINE);
        assertEquals(Optional.of(StackPosition.BOTTOM), l.active().stackOf(ViewId.OUTLINE));
        assertEquals(ViewId.OUTLINE, l.active().stack(StackPosition.BOTTOM).selected());

        WindowBounds b = new WindowBounds(100, 120, 500, 400, false);
        l.detach(ViewId.SPECTRUM, b);
        assertTrue(l.active().isDetached(ViewId.SPECTRUM));
        assertEquals(Optional.empty(), l.active().stackOf(ViewId.SPECTRUM));
        l.show(ViewId.SPECTRUM); // already visible in its window: stays detached
        assertTrue(l.active().isDetached(ViewId.SPECTRUM));
        l.attach(ViewId.SPECTRUM);
        assertEquals(Optional.of(StackPosition.RIGHT), l.active().stackOf(ViewId.SPECTRUM));

        // Hiding the selected tab selects its neighbour.
        l.select(ViewId.PALETTE);
        l.hide(ViewId.PALETTE);
        assertEquals(ViewId.EXPLORER, l.active().stack(StackPosition.LEFT).selected());
    }

    @Test
    void resetRestoresOnlyTheActivePerspective() {
        WorkbenchLayout l = WorkbenchLayout.defaults();
        l.hide(ViewId.PALETTE);
        l.setStackSize(StackPosition.LEFT, 0.3);
        l.switchTo("run");
        l.hide(ViewId.CHARTS);
        l.resetActive();
        assertEquals(Perspectives.defaultOf("run"), l.active());
        l.switchTo("design");
        assertNotEquals(Perspectives.defaultOf("design"), l.active());
        assertEquals(0.3, l.active().stack(StackPosition.LEFT).size());
    }

    @Test
    void saveAndLoadGiveTheSameLayout(@TempDir Path dir) throws Exception {
        WorkbenchLayout l = WorkbenchLayout.defaults();
        l.move(ViewId.CONSOLE, StackPosition.RIGHT);
        l.detach(ViewId.OUTLINE, new WindowBounds(10, 20, 300, 200, false));
        l.setStackSize(StackPosition.BOTTOM, 0.37);
        l.hide(ViewId.PALETTE);
        l.switchTo("analyze");
        l.setTheme(WorkbenchLayout.Theme.DARK);
        l.setPresentation(true);
        l.setWindow(new WindowBounds(5, 6, 1234, 777, true));
        LayoutStore store = new LayoutStore(dir.resolve("sub/layout.json"));
        store.save(l);
        LayoutStore.Loaded back = store.load();
        assertEquals("", back.problem());
        assertEquals(l, back.layout());
        // The restored hidden view still knows its home.
        back.layout().switchTo("design");
        back.layout().show(ViewId.PALETTE);
        assertEquals(Optional.of(StackPosition.LEFT), back.layout().active().stackOf(ViewId.PALETTE));
    }

    @Test
    void aDamagedFileGivesTheDefaultsAndSaysWhy(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("layout.json");
        LayoutStore store = new LayoutStore(f);
        assertEquals(WorkbenchLayout.defaults(), store.load().layout());
        assertEquals("", store.load().problem());

        store.save(WorkbenchLayout.defaults());
        Files.writeString(f, Files.readString(f).replace("\"outline\"", "\"palette\""));
        LayoutStore.Loaded l = store.load();
        assertEquals(WorkbenchLayout.defaults(), l.layout());
        assertTrue(l.problem().contains("palette placed twice"), l.problem());

        Files.writeString(f, "{ not json");
        assertTrue(store.load().problem().contains("could not be used"));
    }

    @Test
    void badValuesAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkbenchLayout.defaults().setStackSize(StackPosition.LEFT, 1.5));
        assertTrue(e.getMessage().contains("left stack size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ViewId.fromId("graph"));
        assertTrue(e.getMessage().contains("palette, explorer"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WindowBounds(0, 0, 0, 10, false));
    }
}

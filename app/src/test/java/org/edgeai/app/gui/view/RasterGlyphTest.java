package org.edgeai.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeai.app.gui.vm.AnimationOptions;
import org.edgeai.model.engine.core.MessageKind;
import org.junit.jupiter.api.Test;

/** Discs, rings and progress arcs of the rasterizer, and a whole overlay frame rendered without a toolkit. */
class RasterGlyphTest {

    static final int WHITE = 0xFFFFFF;

    @Test
    void aDiscIsFilledInsideWithItsRimAndEmptyOutside() {
        Raster r = RasterTest.white(40, 40);
        r.disc(20, 20, 8, 0x0000FF, 0xFF0000, 2, 1);
        assertEquals(0xFF0000FF, r.get(20, 20), "centre: fill");
        assertEquals(0xFF0000FF, r.get(25, 20), "5 px out: fill");
        assertEquals(0xFFFF0000, r.get(27, 20), "7 px out: rim");
        assertEquals(0xFFFFFFFF, r.get(30, 20), "10 px out: background");
        assertEquals(0xFFFFFFFF, r.get(27, 27), "9.9 px out diagonally: background");
        int edge = r.get(28, 20); // exactly at the radius: half covered by the rim colour
        assertTrue((edge & 0xFF) > 100 && (edge & 0xFF) < 156, Integer.toHexString(edge));
    }

    @Test
    void aRingLeavesItsInsideUntouched() {
        Raster r = RasterTest.white(40, 40);
        r.disc(20, 20, 8, -1, 0x00FF00, 2, 1);
        assertEquals(0xFFFFFFFF, r.get(20, 20));
        assertEquals(0xFF00FF00, r.get(27, 20));
    }

    @Test
    void anArcCoversItsShareClockwiseFromTwelveOClock() {
        Raster r = RasterTest.white(60, 60);
        r.arc(30, 30, 20, 4, 0.25, 0x000000, 1);
        assertEquals(0xFF000000, r.get(30, 10), "12 o'clock");
        assertEquals(0xFF000000, r.get(44, 16), "half past one");
        assertEquals(0xFFFFFFFF, r.get(30, 50), "6 o'clock is outside a quarter");
        assertEquals(0xFFFFFFFF, r.get(10, 30), "9 o'clock is outside a quarter");
        assertEquals(0xFFFFFFFF, r.get(16, 16), "half past ten is outside a quarter");
        assertEquals(0xFFFFFFFF, r.get(30, 30), "centre");
        Raster full = RasterTest.white(60, 60);
        full.arc(30, 30, 20, 4, 1, 0x000000, 1);
        assertEquals(0xFF000000, full.get(10, 30));
        assertEquals(0xFF000000, full.get(30, 50));
    }

    @Test
    void theDiamondAngleIsMonotoneInTheTrueAngle() {
        double prev = -1;
        for (int k = 0; k < 360; k++) {
            double a = Math.toRadians(k);
            double d = Raster.diamond(Math.cos(a), Math.sin(a));
            assertTrue(d > prev, "at " + k + " degrees");
            prev = d;
        }
    }

    @Test
    void aRenderedFrameShowsTheGlyphInItsKindsColourOverTheCachedStaticLayer() {
        int w = 120, h = 80;
        double[] sx = {20, 100};
        double[] sy = {40, 40};
        Raster.Sprite none = new Raster.Sprite(0, 0, new int[0], 0, 0);
        Raster.Sprite[] sprites = new Raster.Sprite[16];
        java.util.Arrays.fill(sprites, none);
        int kind = RunOverlay.kindRgb(MessageKind.ACTIVATION);
        RunOverlay.Snapshot o = new RunOverlay.Snapshot(0, 0, 1, new float[] {60}, new float[] {40}, new float[] {5},
                new int[] {kind}, new boolean[] {false}, new byte[2], new float[2], AnimationOptions.NodeColour.NONE, null,
                Double.NaN, Double.NaN, AnimationOptions.LinkLoad.OFF, AnimationOptions.LoadMeasure.BITS_IN_FLIGHT, 0,
                new int[0], new double[0], new float[0], 0);
        TopologyCanvasView.Job job = new TopologyCanvasView.Job(w, h, WHITE, 0xEEEEEE, 10, 0, 0, false, sx, sy, 2,
                new byte[2], null, sprites, 1, new int[] {0}, new int[] {1}, new byte[] {2}, 1, 0x808080, 0xFF8C1A,
                new int[0][], 8, 7, o);
        TopologyCanvasView.StaticCache cache = new TopologyCanvasView.StaticCache();
        Raster ra = new Raster();
        int[] px = TopologyCanvasView.render(ra, job, cache);
        assertEquals(0xFF000000 | kind, px[40 * w + 60], "glyph centre");
        int link = px[40 * w + 40];
        assertEquals(link, px[40 * w + 45], "the link beside it");
        assertTrue((link & 0xFF) > 0x80 && (link & 0xFF) < 0xA0, "grey link at 90%: " + Integer.toHexString(link));
        assertEquals(0xFFFFFFFF, px[10 * w + 60], "background");
        // next frame: the glyph moved, the static layer comes from the cache and the old glyph is gone
        RunOverlay.Snapshot o2 = new RunOverlay.Snapshot(0, 0, 1, new float[] {80}, new float[] {40}, new float[] {5},
                new int[] {kind}, new boolean[] {true}, new byte[2], new float[2], AnimationOptions.NodeColour.NONE, null,
                Double.NaN, Double.NaN, AnimationOptions.LinkLoad.OFF, AnimationOptions.LoadMeasure.BITS_IN_FLIGHT, 0,
                new int[0], new double[0], new float[0], 0);
        px = TopologyCanvasView.render(ra, job.withOverlay(o2), cache);
        assertNotEquals(0xFF000000 | kind, px[40 * w + 60], "the old position shows the link again");
        assertEquals(link, px[40 * w + 60]);
        assertEquals(0xFFFFFFFF, px[40 * w + 80], "a queued glyph is a ring: its centre is background");
        assertEquals(0xFF000000 | kind, px[40 * w + 84], "and its rim the kind's colour");
    }
}

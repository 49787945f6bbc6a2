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

    /** A panned frame: the static layer is copied out of the oversized one, equal to drawing it afresh. */
    @Test
    void panningCopiesTheOversizedStaticLayerInsteadOfRedrawingIt() {
        int w = 200, h = 120;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        int n = 40, m = 80;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble(-150, 350);
            y[i] = rnd.nextDouble(-100, 220);
        }
        int[] lu = new int[m];
        int[] lv = new int[m];
        byte[] bucket = new byte[m];
        for (int e = 0; e < m; e++) {
            lu[e] = rnd.nextInt(n);
            lv[e] = (lu[e] + 1 + rnd.nextInt(n - 1)) % n;
            bucket[e] = (byte) (1 + rnd.nextInt(6));
        }
        Raster.Sprite none = new Raster.Sprite(0, 0, new int[0], 0, 0);
        Raster.Sprite[] sprites = new Raster.Sprite[16];
        java.util.Arrays.fill(sprites, none);
        TopologyCanvasView.StaticCache cache = new TopologyCanvasView.StaticCache();
        Raster ra = new Raster();
        int[][] shifts = {{0, 0}, {7, -3}, {-40, 25}, {60, 60}, {-5000, 0}};
        for (int k = 0; k < shifts.length; k++) {
            double tx = shifts[k][0];
            double ty = shifts[k][1];
            double[] sx = new double[n];
            double[] sy = new double[n];
            for (int i = 0; i < n; i++) {
                sx[i] = x[i] + tx;
                sy[i] = y[i] + ty;
            }
            double step = 16;
            TopologyCanvasView.Job plain = new TopologyCanvasView.Job(w, h, WHITE, 0xDDDDDD, step, ((tx % step) + step) % step,
                    ((ty % step) + step) % step, true, sx, sy, n, new byte[n], null, sprites, m, lu, lv, bucket, 1, 0x505050,
                    0xFF8C1A, new int[0][], 6, k, null);
            TopologyCanvasView.Job panned = new TopologyCanvasView.Job(plain.w(), plain.h(), plain.bg(), plain.gridRgb(),
                    plain.gridStep(), plain.gridX0(), plain.gridY0(), true, sx, sy, n, plain.glyph(), null, sprites, m, lu,
                    lv, bucket, 1, 0x505050, 0xFF8C1A, new int[0][], 6, k, null, new TopologyCanvasView.Pan(1, tx, ty));
            int[] expected = TopologyCanvasView.render(new Raster(), plain, null).clone();
            int[] got = TopologyCanvasView.render(ra, panned, cache);
            int worst = 0;
            for (int p = 0; p < w * h; p++) {
                int px = p % w;
                int py = p / w;
                if (px < 8 || py < 8 || px >= w - 8 || py >= h - 8) {
                    continue; // a thick line clipped at the raster's border ends square there, so borders differ
                }
                for (int sh = 0; sh <= 16; sh += 8) {
                    worst = Math.max(worst, Math.abs((expected[p] >> sh & 0xFF) - (got[p] >> sh & 0xFF)));
                }
            }
            assertTrue(worst <= 3, "largest channel difference from a fresh drawing after a pan by " + tx + ", " + ty
                    + ": " + worst);
        }
        // the margin is 128 px here: shifts within it reuse the first drawing; the last one (5000 px) draws anew
        assertEquals(2, cache.bigDraws());
    }

    /** Links coloured by load: frames that redraw only the changed links show every link's current level. */
    @Test
    void theLoadLayerRedrawsOnlyChangedLinksAndShowsEachLinksCurrentLevel() {
        int w = 480, h = 320;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        int n = 30, m = 40;
        double[] sx = new double[n];
        double[] sy = new double[n];
        for (int i = 0; i < n; i++) {
            sx[i] = rnd.nextDouble(10, w - 10);
            sy[i] = rnd.nextDouble(10, h - 10);
        }
        int[] lu = new int[m];
        int[] lv = new int[m];
        byte[] bucket = new byte[m];
        for (int e = 0; e < m; e++) {
            lu[e] = rnd.nextInt(n);
            lv[e] = (lu[e] + 1 + rnd.nextInt(n - 1)) % n;
            bucket[e] = (byte) (8 + rnd.nextInt(4)); // 4 to 5.5 px: opaque around the centre
        }
        Raster.Sprite none = new Raster.Sprite(0, 0, new int[0], 0, 0);
        Raster.Sprite[] sprites = new Raster.Sprite[16];
        java.util.Arrays.fill(sprites, none);
        TopologyCanvasView.StaticCache cache = new TopologyCanvasView.StaticCache();
        Raster ra = new Raster();
        for (int frame = 0; frame < 6; frame++) {
            // a different third of the links loaded each frame, at varying levels
            int loaded = m / 3;
            int[] links = new int[loaded];
            float[] norm = new float[loaded];
            for (int k = 0; k < loaded; k++) {
                links[k] = (k * 3 + frame) % m;
                norm[k] = (float) ((k + frame) % 7 / 6.0);
            }
            RunOverlay.Snapshot o = new RunOverlay.Snapshot(0, 0, 0, new float[0], new float[0], new float[0], new int[0],
                    new boolean[0], new byte[n], new float[n], AnimationOptions.NodeColour.NONE, null, Double.NaN, Double.NaN,
                    AnimationOptions.LinkLoad.COLOUR, AnimationOptions.LoadMeasure.BITS_IN_FLIGHT, loaded, links,
                    new double[loaded], norm, 1);
            TopologyCanvasView.Job job = new TopologyCanvasView.Job(w, h, WHITE, 0xEEEEEE, 10, 0, 0, false, sx, sy, n,
                    new byte[n], null, sprites, m, lu, lv, bucket, 1, 0x808080, 0xFF8C1A, new int[0][], 6, 1, o);
            int[] got = TopologyCanvasView.render(ra, job, cache).clone();
            // every link shows its current level at its midpoint (where no other link passes near)
            int[] expected = new int[m];
            java.util.Arrays.fill(expected, 0x808080);
            for (int k = 0; k < loaded; k++) {
                expected[links[k]] = RunOverlay.loadMap(Math.round(norm[k] * 15) / 15.0);
            }
            int checked = 0;
            for (int e = 0; e < m; e++) {
                double mx = (sx[lu[e]] + sx[lv[e]]) / 2;
                double my = (sy[lu[e]] + sy[lv[e]]) / 2;
                boolean clear = true;
                for (int f = 0; f < m && clear; f++) {
                    clear = f == e || distance(mx, my, sx[lu[f]], sy[lu[f]], sx[lv[f]], sy[lv[f]]) > 6;
                }
                if (clear) {
                    int p = (int) Math.round(my) * w + (int) Math.round(mx);
                    assertEquals(0xFF000000 | expected[e], got[p], "frame " + frame + ", link " + e + " at its midpoint");
                    checked++;
                }
            }
            assertTrue(checked >= 10, "links checked: " + checked);
        }
        assertEquals(1, cache.loadLayerFullDraws(), "drawn in full once, then only the links whose level changed");
    }

    /** Distance from (px, py) to the segment (ax, ay)-(bx, by). */
    private static double distance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay;
        double t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - ax - t * dx, py - ay - t * dy);
    }
}

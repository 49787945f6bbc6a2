package org.edgeai.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The canvas's software rasterizer, without a toolkit. */
class RasterTest {

    static final int WHITE = 0xFFFFFF;

    static Raster white(int w, int h) {
        Raster r = new Raster();
        r.resize(w, h);
        r.fill(WHITE);
        return r;
    }

    @Test
    void anOpaqueHorizontalLineOnAPixelCentreCoversExactlyItsRow() {
        Raster r = white(20, 10);
        r.line(2, 5, 15, 5, 1, 0x000000, 1.0);
        for (int x = 0; x < 20; x++) {
            for (int y = 0; y < 10; y++) {
                int expected = (y == 5 && x >= 2 && x <= 15) ? 0xFF000000 : 0xFFFFFFFF;
                assertEquals(expected, r.get(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void aLineBetweenTwoRowsSplitsItsCoverage() {
        Raster r = white(20, 10);
        r.line(2, 4.5, 15, 4.5, 1, 0x000000, 1.0);
        int upper = r.get(8, 4) & 0xFF;
        int lower = r.get(8, 5) & 0xFF;
        assertEquals(upper, lower, 2.0, "half on each row");
        assertTrue(upper > 100 && upper < 155, "about half grey: " + upper);
        assertEquals(0xFFFFFFFF, r.get(8, 3));
        assertEquals(0xFFFFFFFF, r.get(8, 6));
    }

    @Test
    void thickLinesAreWiderAndSteepLinesWork() {
        Raster r = white(30, 30);
        r.line(15, 2, 15, 27, 3, 0x000000, 1.0);
        assertEquals(0xFF000000, r.get(14, 10));
        assertEquals(0xFF000000, r.get(15, 10));
        assertEquals(0xFF000000, r.get(16, 10));
        assertEquals(0xFFFFFFFF, r.get(18, 10));
        assertEquals(0xFFFFFFFF, r.get(12, 10));
    }

    @Test
    void linesAreClippedAndSegmentsOutsideAreSkipped() {
        assertNull(Raster.clip(-10, -10, -5, -5, 0, 0, 100, 100));
        assertArrayEquals(new double[] {0, 50, 100, 50}, Raster.clip(-50, 50, 150, 50, 0, 0, 100, 100), 1e-12);
        Raster r = white(40, 40);
        r.line(-1e6, 20, 1e6, 20, 1, 0x000000, 1.0); // must not loop over two million pixels or fail
        assertEquals(0xFF000000, r.get(20, 20));
    }

    @Test
    void spritesBlendSourceOverAtTheirOffset() {
        Raster r = white(10, 10);
        int half = 0x80000000; // premultiplied black at 50%
        Raster.Sprite s = new Raster.Sprite(2, 1, new int[] {0xFF0000FF, half}, -1, 0);
        r.blit(s, 5, 5);
        assertEquals(0xFF0000FF, r.get(4, 5));
        int g = r.get(5, 5) & 0xFF;
        assertEquals(127, g, 2, "white under half black");
        assertEquals(0xFFFFFFFF, r.get(6, 5));
        r.blit(s, -5, 50); // fully outside: nothing, no exception
    }

    @Test
    void spritesAreCroppedToTheirVisiblePixels() {
        int[] px = new int[5 * 5];
        px[2 * 5 + 3] = 0xFF112233;
        Raster.Sprite s = TopologyCanvasView.cropped(px, 5, 5, 2, 2);
        assertEquals(1, s.w());
        assertEquals(1, s.h());
        assertEquals(1, s.ox());
        assertEquals(0, s.oy());
    }
}

package org.edgeai.app.gui.view;

import java.util.Arrays;

/**
 * A small software rasterizer for the canvas's bulk drawing: an opaque ARGB pixel buffer, clipped
 * anti-aliased lines (Xiaolin Wu for thin ones, distance coverage for thick ones) and sprite blits, all in plain Java
 * loops. JavaFX's own path stroking costs about 20 µs per line in the software pipeline (0.1 s for 5,000
 * links); this draws the same in a few milliseconds, and the canvas then shows the buffer with one image
 * draw. No JavaFX types here, so it is tested without a toolkit.
 */
final class Raster {

    /**
     * A premultiplied ARGB image, {@code w} × {@code h}, whose top-left pixel is drawn at (cx + ox, cy + oy)
     * for a sprite placed at (cx, cy).
     */
    record Sprite(int w, int h, int[] px, int ox, int oy) {
    }

    private int w;
    private int h;
    private int[] px = new int[0];

    void resize(int width, int height) {
        w = Math.max(0, width);
        h = Math.max(0, height);
        if (px.length < w * h) {
            px = new int[w * h];
        }
    }

    int width() {
        return w;
    }

    int height() {
        return h;
    }

    int[] pixels() {
        return px;
    }

    int get(int x, int y) {
        return px[y * w + x];
    }

    /** Fills the whole buffer with an opaque colour (0xRRGGBB). */
    void fill(int rgb) {
        Arrays.fill(px, 0, w * h, 0xFF000000 | rgb);
    }

    /**
     * Blends colour {@code rgb} at alpha {@code a} in [0, 1] into one pixel (source over an opaque buffer).
     * Red and blue are blended in one multiply, green in another; alpha is in 1/256 steps.
     */
    private void blend(int x, int y, int rgb, double a) {
        if (x < 0 || y < 0 || x >= w || y >= h) {
            return;
        }
        int sa = (int) (a * 256);
        if (sa <= 0) {
            return;
        }
        int i = y * w + x;
        if (sa >= 256) {
            px[i] = 0xFF000000 | rgb;
            return;
        }
        int inv = 256 - sa;
        int d = px[i];
        int rb = (((rgb & 0xFF00FF) * sa + (d & 0xFF00FF) * inv) >>> 8) & 0xFF00FF;
        int g = (((rgb & 0x00FF00) * sa + (d & 0x00FF00) * inv) >>> 8) & 0x00FF00;
        px[i] = 0xFF000000 | rb | g;
    }

    /**
     * An anti-aliased line of the given width in pixels (at least 1 pixel is drawn) and opacity, clipped to
     * the buffer. Cost is proportional to the visible length times the width.
     */
    void line(double x0, double y0, double x1, double y1, double width, int rgb, double alpha) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 1e-9) {
            return;
        }
        if (width < 1.5) {
            // Thin lines keep their weight by opacity.
            wu(x0, y0, x1, y1, rgb, alpha * Math.min(1, Math.max(0.35, width)));
        } else {
            thick(x0, y0, x1, y1, width, rgb, alpha);
        }
    }

    /**
     * A thick line with butt ends: along the major axis, each pixel within half the width (plus one) of the
     * line gets coverage clamp(w/2 + 1/2 − distance, 0, 1). Cost: visible length × (width + 2).
     */
    private void thick(double x0, double y0, double x1, double y1, double width, int rgb, double alpha) {
        if (w < 4 || h < 4) {
            return;
        }
        double half = width / 2;
        double pad = half + 1;
        double[] c = clip(x0, y0, x1, y1, -pad, -pad, w - 1 + pad, h - 1 + pad);
        if (c == null) {
            return;
        }
        double ax = c[0], ay = c[1], bx = c[2], by = c[3];
        boolean steep = Math.abs(by - ay) > Math.abs(bx - ax);
        if (steep) {
            double t = ax; ax = ay; ay = t;
            t = bx; bx = by; by = t;
        }
        if (ax > bx) {
            double t = ax; ax = bx; bx = t;
            t = ay; ay = by; by = t;
        }
        double dx = bx - ax, dy = by - ay;
        double len = Math.hypot(dx, dy);
        if (len < 1e-9) {
            return;
        }
        double g = dx < 1e-9 ? 0 : dy / dx;
        // Perpendicular distance of (u, v) to the line: |(v - ay) * dx - (u - ax) * dy| / len; along a column
        // it grows by dx / len per pixel, so the band is half * len / dx wide in v.
        double bandV = pad * len / Math.max(dx, 1e-9);
        int majorMax = steep ? h - 1 : w - 1;
        int minorMax = steep ? w - 1 : h - 1;
        int us = Math.max(0, (int) Math.ceil(ax));
        int ue = Math.min(majorMax, (int) Math.floor(bx));
        int srb = rgb & 0xFF00FF;
        int sg = rgb & 0x00FF00;
        double inv = 1 / len;
        double stepV = dx * inv;           // signed distance change per pixel along v
        double edge = (half + 0.5) * alpha * 256; // coverage in 1/256 at distance 0
        double slope = alpha * 256;
        for (int u = us; u <= ue; u++) {
            double vc = ay + g * (u - ax);
            int vs = Math.max(0, (int) Math.floor(vc - bandV));
            int ve = Math.min(minorMax, (int) Math.ceil(vc + bandV));
            double dist = ((vs - ay) * dx - (u - ax) * dy) * inv;
            for (int v = vs; v <= ve; v++, dist += stepV) {
                int a = (int) (edge - Math.abs(dist) * slope);
                if (a <= 0) {
                    continue;
                }
                int i = steep ? u * w + v : v * w + u;
                int cap = (int) slope;
                if (a >= cap) {
                    a = cap;
                }
                if (a >= 256) {
                    px[i] = 0xFF000000 | rgb;
                    continue;
                }
                int d = px[i];
                int ia = 256 - a;
                px[i] = 0xFF000000 | (((srb * a + (d & 0xFF00FF) * ia) >>> 8) & 0xFF00FF)
                        | (((sg * a + (d & 0x00FF00) * ia) >>> 8) & 0x00FF00);
            }
        }
    }

    /**
     * Xiaolin Wu's line after clipping (Liang–Barsky) to [1, w−3] × [1, h−3], so both pixels of every step
     * are inside and the inner loop needs no bounds checks; y runs in 16.16 fixed point and the two
     * coverages in 1/256 steps.
     */
    private void wu(double x0, double y0, double x1, double y1, int rgb, double a) {
        if (w < 4 || h < 4) {
            return;
        }
        double[] c = clip(x0, y0, x1, y1, 1, 1, w - 3, h - 3); // a pixel of margin: rounding x moves y by < 1
        if (c == null) {
            return;
        }
        x0 = c[0];
        y0 = c[1];
        x1 = c[2];
        y1 = c[3];
        boolean steep = Math.abs(y1 - y0) > Math.abs(x1 - x0);
        if (steep) {
            double t = x0;
            x0 = y0;
            y0 = t;
            t = x1;
            x1 = y1;
            y1 = t;
        }
        if (x0 > x1) {
            double t = x0;
            x0 = x1;
            x1 = t;
            t = y0;
            y0 = y1;
            y1 = t;
        }
        double gradient = x1 - x0 < 1e-9 ? 0 : (y1 - y0) / (x1 - x0);
        int xs = (int) Math.round(x0);
        int xe = (int) Math.round(x1);
        int yfix = (int) ((y0 + gradient * (xs - x0)) * 65536);
        int step = (int) (gradient * 65536);
        int ia = Math.min(256, (int) (a * 256));
        int srb = rgb & 0xFF00FF;
        int sg = rgb & 0x00FF00;
        int[] p = px;
        int width = w;
        for (int x = xs; x <= xe; x++, yfix += step) {
            int yi = yfix >> 16;
            int c2 = (((yfix >> 8) & 0xFF) * ia) >> 8;
            int c1 = ia - c2;
            int i1 = steep ? x * width + yi : yi * width + x;
            int i2 = steep ? i1 + 1 : i1 + width;
            int d = p[i1];
            int inv = 256 - c1;
            p[i1] = 0xFF000000 | (((srb * c1 + (d & 0xFF00FF) * inv) >>> 8) & 0xFF00FF)
                    | (((sg * c1 + (d & 0x00FF00) * inv) >>> 8) & 0x00FF00);
            d = p[i2];
            inv = 256 - c2;
            p[i2] = 0xFF000000 | (((srb * c2 + (d & 0xFF00FF) * inv) >>> 8) & 0xFF00FF)
                    | (((sg * c2 + (d & 0x00FF00) * inv) >>> 8) & 0x00FF00);
        }
    }

    /** The part of segment (x0,y0)-(x1,y1) inside [xmin, xmax] × [ymin, ymax], or null. */
    static double[] clip(double x0, double y0, double x1, double y1, double xmin, double ymin, double xmax, double ymax) {
        double t0 = 0, t1 = 1;
        double dx = x1 - x0, dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - xmin, xmax - x0, y0 - ymin, ymax - y0};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 > t1) {
            return null;
        }
        return new double[] {x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy};
    }

    /** A one-pixel horizontal or vertical grid line. */
    void gridLine(boolean vertical, int at, int rgb, double a) {
        if (vertical) {
            for (int y = 0; y < h; y++) {
                blend(at, y, rgb, a);
            }
        } else {
            for (int x = 0; x < w; x++) {
                blend(x, at, rgb, a);
            }
        }
    }

    /** The blit of a sprite wholly inside the buffer: no bounds checks in the loop. */
    private void blitInside(int[] sp, int sw, int sh, int x0, int y0) {
        int[] p = px;
        int k = 0;
        for (int j = 0; j < sh; j++) {
            int i = (y0 + j) * w + x0;
            for (int e = i + sw; i < e; i++, k++) {
                int src = sp[k];
                int sa = src >>> 24;
                if (sa == 0) {
                    continue;
                }
                if (sa == 255) {
                    p[i] = src;
                    continue;
                }
                int d = p[i];
                int inv = 256 - (sa + (sa >>> 7));
                p[i] = 0xFF000000 | (((src & 0xFF00FF) + ((((d & 0xFF00FF) * inv) >>> 8) & 0xFF00FF)) & 0xFF00FF)
                        | (((src & 0x00FF00) + ((((d & 0x00FF00) * inv) >>> 8) & 0x00FF00)) & 0x00FF00);
            }
        }
    }

    /** Draws a premultiplied sprite placed at (cx, cy) (source over), clipped. */
    void blit(Sprite s, int cx, int cy) {
        int x0 = cx + s.ox();
        int y0 = cy + s.oy();
        int[] sp = s.px();
        if (x0 >= 0 && y0 >= 0 && x0 + s.w() <= w && y0 + s.h() <= h) {
            blitInside(sp, s.w(), s.h(), x0, y0);
            return;
        }
        for (int j = 0; j < s.h(); j++) {
            int y = y0 + j;
            if (y < 0 || y >= h) {
                continue;
            }
            int row = y * w;
            for (int i = 0; i < s.w(); i++) {
                int x = x0 + i;
                if (x < 0 || x >= w) {
                    continue;
                }
                int src = sp[j * s.w() + i];
                int sa = src >>> 24;
                if (sa == 0) {
                    continue;
                }
                if (sa == 255) {
                    px[row + x] = src;
                    continue;
                }
                // Premultiplied source over an opaque destination.
                int d = px[row + x];
                int inv = 256 - (sa + (sa >>> 7));
                int rb = ((src & 0xFF00FF) + ((((d & 0xFF00FF) * inv) >>> 8) & 0xFF00FF)) & 0xFF00FF;
                int g = ((src & 0x00FF00) + ((((d & 0x00FF00) * inv) >>> 8) & 0x00FF00)) & 0x00FF00;
                px[row + x] = 0xFF000000 | rb | g;
            }
        }
    }

    /** Copies {@code src} (a buffer of this raster's size, as from {@link #copyPixels}) into the buffer. */
    void copyFrom(int[] src) {
        System.arraycopy(src, 0, px, 0, w * h);
    }

    /** A copy of the buffer's w × h pixels. */
    int[] copyPixels() {
        return Arrays.copyOf(px, w * h);
    }

    /** Source-over of colour {@code rgb} at coverage {@code a} in 1/256 steps (0..256) into pixel index i. */
    private void mixAt(int i, int rgb, int a) {
        if (a <= 0) {
            return;
        }
        if (a >= 256) {
            px[i] = 0xFF000000 | rgb;
            return;
        }
        int d = px[i];
        int inv = 256 - a;
        px[i] = 0xFF000000 | ((((rgb & 0xFF00FF) * a + (d & 0xFF00FF) * inv) >>> 8) & 0xFF00FF)
                | ((((rgb & 0x00FF00) * a + (d & 0x00FF00) * inv) >>> 8) & 0x00FF00);
    }

    /**
     * An anti-aliased disc of radius {@code r} px centred at (cx, cy) (pixel centres at integer coordinates), filled
     * with {@code fill} and edged with a rim of {@code rimWidth} px in {@code rim} (0 for none), at opacity
     * {@code alpha} in [0, 1]. A negative {@code fill} leaves the inside unpainted (a ring). Cost: about π (r+1)²
     * pixels, one square root per pixel of the edge band.
     */
    void disc(double cx, double cy, double r, int fill, int rim, double rimWidth, double alpha) {
        if (r <= 0 || alpha <= 0) {
            return;
        }
        int x0 = Math.max(0, (int) Math.floor(cx - r - 1));
        int x1 = Math.min(w - 1, (int) Math.ceil(cx + r + 1));
        int y0 = Math.max(0, (int) Math.floor(cy - r - 1));
        int y1 = Math.min(h - 1, (int) Math.ceil(cy + r + 1));
        if (x0 > x1 || y0 > y1) {
            return;
        }
        double inner = Math.max(0, r - rimWidth); // where the fill ends and the rim begins
        double solid = inner - 0.5;
        double solid2 = solid > 0 ? solid * solid : -1;
        double outer2 = (r + 0.5) * (r + 0.5);
        int full = (int) (alpha * 256);
        boolean hasRim = rimWidth > 0;
        for (int y = y0; y <= y1; y++) {
            double dy = y - cy;
            double dy2 = dy * dy;
            int row = y * w;
            for (int x = x0; x <= x1; x++) {
                double dx = x - cx;
                double d2 = dx * dx + dy2;
                if (d2 >= outer2) {
                    continue;
                }
                if (d2 <= solid2) {
                    if (fill >= 0) {
                        mixAt(row + x, fill, full);
                    }
                    continue;
                }
                double d = Math.sqrt(d2);
                double cov = Math.min(1, r + 0.5 - d); // outer edge
                double inFill = hasRim ? Math.max(0, Math.min(1, inner + 0.5 - d)) : 1; // share that is fill
                if (fill >= 0 && inFill > 0) {
                    mixAt(row + x, fill, (int) (cov * inFill * alpha * 256));
                }
                if (hasRim && inFill < 1) {
                    mixAt(row + x, rim, (int) (cov * (1 - inFill) * alpha * 256));
                }
            }
        }
    }

    /**
     * An anti-aliased ring of radius {@code r} (to the middle of its stroke) and stroke {@code width} px, drawn
     * clockwise from 12 o'clock over the share {@code fraction} in [0, 1] of the circle (1 or more: the whole
     * ring). The angle test uses a monotone "diamond angle" (no trigonometry per pixel).
     */
    void arc(double cx, double cy, double r, double width, double fraction, int rgb, double alpha) {
        if (r <= 0 || width <= 0 || fraction <= 0 || alpha <= 0) {
            return;
        }
        double half = width / 2;
        double reach = r + half + 1;
        int x0 = Math.max(0, (int) Math.floor(cx - reach));
        int x1 = Math.min(w - 1, (int) Math.ceil(cx + reach));
        int y0 = Math.max(0, (int) Math.floor(cy - reach));
        int y1 = Math.min(h - 1, (int) Math.ceil(cy + reach));
        boolean whole = fraction >= 1;
        double end = whole ? 4 : diamond(Math.cos(2 * Math.PI * fraction), Math.sin(2 * Math.PI * fraction));
        double lo = Math.max(0, r - half - 0.5);
        double lo2 = lo * lo;
        double hi2 = (r + half + 0.5) * (r + half + 0.5);
        for (int y = y0; y <= y1; y++) {
            double dy = y - cy;
            int row = y * w;
            for (int x = x0; x <= x1; x++) {
                double dx = x - cx;
                double d2 = dx * dx + dy * dy;
                if (d2 < lo2 || d2 >= hi2) {
                    continue;
                }
                // Clockwise from 12 o'clock on screen (y down): cos = -dy, sin = dx.
                if (!whole && diamond(-dy, dx) > end) {
                    continue;
                }
                double cov = Math.min(1, half + 0.5 - Math.abs(Math.sqrt(d2) - r));
                if (cov > 0) {
                    mixAt(row + x, rgb, (int) (cov * alpha * 256));
                }
            }
        }
    }

    /** A monotone stand-in for atan2(y, x) mapped to [0, 4) counter-clockwise from +x. */
    static double diamond(double x, double y) {
        double s = Math.abs(x) + Math.abs(y);
        if (s == 0) {
            return 0;
        }
        if (y >= 0) {
            return x >= 0 ? y / s : 1 - x / s;
        }
        return x < 0 ? 2 - y / s : 3 + x / s;
    }

    /**
     * A disc like {@link #disc} as a premultiplied sprite, for blitting many equal glyphs: radius {@code r} px, its
     * centre {@code subX}, {@code subY} px (0 or 0.5) right of and below the pixel it is placed at. A negative
     * {@code fill} gives a ring of the rim colour. Opacity is 1.
     */
    static Sprite discSprite(double r, int fill, int rim, double rimWidth, double subX, double subY) {
        int half = (int) Math.ceil(r) + 2;
        int size = 2 * half + 1;
        int[] p = new int[size * size];
        double inner = Math.max(0, r - rimWidth);
        boolean hasRim = rimWidth > 0;
        for (int j = 0; j < size; j++) {
            double dy = j - half - subY;
            for (int i = 0; i < size; i++) {
                double dx = i - half - subX;
                double d = Math.sqrt(dx * dx + dy * dy);
                double cov = Math.max(0, Math.min(1, r + 0.5 - d));
                if (cov <= 0) {
                    continue;
                }
                double inFill = hasRim ? Math.max(0, Math.min(1, inner + 0.5 - d)) : 1;
                double a;
                double cr, cg, cb;
                if (fill < 0) {
                    a = cov * (1 - inFill);
                    cr = (rim >> 16) & 0xFF;
                    cg = (rim >> 8) & 0xFF;
                    cb = rim & 0xFF;
                } else {
                    a = cov;
                    cr = ((fill >> 16) & 0xFF) * inFill + ((rim >> 16) & 0xFF) * (1 - inFill);
                    cg = ((fill >> 8) & 0xFF) * inFill + ((rim >> 8) & 0xFF) * (1 - inFill);
                    cb = (fill & 0xFF) * inFill + (rim & 0xFF) * (1 - inFill);
                }
                int ia = (int) Math.round(a * 255);
                if (ia == 0) {
                    continue;
                }
                double f = ia / 255.0;
                p[j * size + i] = (ia << 24) | ((int) Math.round(cr * f) << 16) | ((int) Math.round(cg * f) << 8)
                        | (int) Math.round(cb * f);
            }
        }
        return TopologyCanvasView.cropped(p, size, size, half, half);
    }
}

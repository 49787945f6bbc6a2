package org.edgeai.app.gui.view;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleFunction;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.edgeai.model.engine.core.MessageKind;

/**
 * Writes the animation of a run as a PNG sequence ({@code frame-00001.png}, ... in a folder) or one looping animated
 * GIF, for slides. Frames are taken at evenly spaced cursor times over a range and drawn by the canvas's own
 * rasterizer ({@link TopologyCanvasView#render}) at the requested size; the time, the round and a legend of the
 * message kinds are drawn with AWT. All of it runs on a background thread; only the overlay snapshot of each frame
 * is built on the UI thread (the recording belongs to it), one short task per frame, so the JavaFX thread is never
 * blocked.
 */
public final class AnimationExporter {

    /** The output kind. */
    public enum Format {
        GIF("Animated GIF"), PNG_SEQUENCE("PNG sequence (folder)");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What to write.
     *
     * @param out    the GIF file, or the folder of the PNG files (created if missing)
     * @param width  frame width, px, in [16, 8192]
     * @param height frame height, px, in [16, 8192]
     * @param fps    frames per second of the result, in (0, 100]
     * @param frames number of frames, in [1, 100000]
     * @param t0     first cursor time, virtual s
     * @param t1     last cursor time, virtual s, &gt;= t0
     */
    public record Request(Format format, Path out, int width, int height, double fps, int frames, double t0, double t1) {
        public Request {
            if (format == null || out == null) {
                throw new IllegalArgumentException("export: format and output path are required");
            }
            if (width < 16 || width > 8192 || height < 16 || height > 8192) {
                throw new IllegalArgumentException("export: width and height must be in [16, 8192] px, got " + width + " x "
                        + height);
            }
            if (!(fps > 0 && fps <= 100)) {
                throw new IllegalArgumentException("export: frames per second must be in (0, 100], got " + fps);
            }
            if (frames < 1 || frames > 100_000) {
                throw new IllegalArgumentException("export: frames must be in [1, 100000], got " + frames);
            }
            if (!(t0 >= 0) || !(t1 >= t0)) {
                throw new IllegalArgumentException("export: need 0 <= t0 <= t1, got t0=" + t0 + ", t1=" + t1);
            }
        }

        /** The cursor time of frame {@code i} (0-based): evenly spaced from t0 to t1 inclusive. */
        public double timeOf(int i) {
            return frames == 1 ? t0 : t0 + (t1 - t0) * i / (frames - 1);
        }
    }

    private AnimationExporter() {
    }

    /**
     * Starts an export.
     *
     * @param req        what to write
     * @param job        the static picture at the request's size (the canvas's {@code exportJob}); its overlay is
     *                   replaced per frame
     * @param overlayAt  the run overlay at a cursor time; called on {@code ui}
     * @param ui         the thread the recording belongs to (the JavaFX thread; direct in tests)
     * @param background where frames are drawn and encoded
     * @param progress   told the share done in [0, 1] after each frame (on the background thread)
     * @return the output path when done, or the failure
     */
    public static CompletableFuture<Path> export(Request req, TopologyCanvasView.Job job, DoubleFunction<RunOverlay.Snapshot> overlayAt,
                                                 Executor ui, Executor background, DoubleConsumer progress) {
        if (job.w() != req.width() || job.h() != req.height()) {
            throw new IllegalArgumentException("export: the picture is " + job.w() + " x " + job.h() + " but the request "
                    + req.width() + " x " + req.height());
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return write(req, job, overlayAt, ui, progress);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("export to " + req.out() + " failed: " + e.getMessage(), e);
            }
        }, background);
    }

    private static Path write(Request req, TopologyCanvasView.Job job, DoubleFunction<RunOverlay.Snapshot> overlayAt, Executor ui,
                              DoubleConsumer progress) throws IOException {
        Raster raster = new Raster();
        TopologyCanvasView.StaticCache cache = new TopologyCanvasView.StaticCache();
        BufferedImage img = new BufferedImage(req.width(), req.height(), BufferedImage.TYPE_INT_RGB);
        ImageWriter gif = null;
        ImageOutputStream gifOut = null;
        try {
            if (req.format() == Format.GIF) {
                Path parent = req.out().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.deleteIfExists(req.out());
                gif = ImageIO.getImageWritersByFormatName("gif").next();
                gifOut = ImageIO.createImageOutputStream(req.out().toFile());
                gif.setOutput(gifOut);
                gif.prepareWriteSequence(null);
            } else {
                Files.createDirectories(req.out());
            }
            int delayCs = (int) Math.max(1, Math.round(100 / req.fps()));
            for (int i = 0; i < req.frames(); i++) {
                double t = req.timeOf(i);
                RunOverlay.Snapshot snap = CompletableFuture.supplyAsync(() -> overlayAt.apply(t), ui).join();
                int[] px = TopologyCanvasView.render(raster, job.withOverlay(snap), cache);
                img.setRGB(0, 0, req.width(), req.height(), px, 0, req.width());
                caption(img, snap, t);
                if (gif != null) {
                    gif.writeToSequence(new IIOImage(img, null, gifMetadata(gif, img, delayCs, i == 0)), null);
                } else {
                    Path f = req.out().resolve(String.format(Locale.ROOT, "frame-%05d.png", i + 1));
                    if (!ImageIO.write(img, "png", f.toFile())) {
                        throw new IOException("no PNG writer");
                    }
                }
                progress.accept((i + 1) / (double) req.frames());
            }
            if (gif != null) {
                gif.endWriteSequence();
            }
        } finally {
            if (gif != null) {
                gif.dispose();
            }
            if (gifOut != null) {
                gifOut.close();
            }
        }
        return req.out();
    }

    /** The time and round at the top left, and the glyph colour of each message kind at the bottom. */
    private static void caption(BufferedImage img, RunOverlay.Snapshot s, double t) {
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int fs = Math.max(10, Math.min(18, img.getHeight() / 40));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fs));
            String text = String.format(Locale.ROOT, "t = %.3f s   round %d", t, s == null ? 0 : s.round() + 1);
            g.setColor(new java.awt.Color(255, 255, 255, 200));
            g.fillRoundRect(6, 6, g.getFontMetrics().stringWidth(text) + 12, fs + 10, 8, 8);
            g.setColor(new java.awt.Color(0x222428));
            g.drawString(text, 12, 6 + fs + 2);
            int x = 10;
            int y = img.getHeight() - fs - 8;
            int needed = 0;
            for (MessageKind k : MessageKind.values()) {
                needed += g.getFontMetrics().stringWidth(k.id()) + fs + 14;
            }
            if (needed + 20 > img.getWidth()) {
                return;
            }
            g.setColor(new java.awt.Color(255, 255, 255, 200));
            g.fillRoundRect(x - 4, y - 4, needed + 8, fs + 8, 8, 8);
            for (MessageKind k : MessageKind.values()) {
                g.setColor(new java.awt.Color(RunOverlay.kindRgb(k)));
                g.fillOval(x, y + 1, fs - 2, fs - 2);
                g.setColor(new java.awt.Color(0x222428));
                g.drawString(k.id(), x + fs + 2, y + fs - 2);
                x += g.getFontMetrics().stringWidth(k.id()) + fs + 14;
            }
        } finally {
            g.dispose();
        }
    }

    /** Frame delay (1/100 s) and, on the first frame, the NETSCAPE2.0 extension that makes the GIF loop forever. */
    private static IIOMetadata gifMetadata(ImageWriter w, BufferedImage img, int delayCs, boolean first) throws IOException {
        ImageWriteParam p = w.getDefaultWriteParam();
        IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayCs));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }
}

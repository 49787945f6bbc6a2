package org.edgeai.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.app.gui.vm.AnimationOptions;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.SimEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export of a run's animation as GIF and PNG sequence, drawn by the canvas's rasterizer without a toolkit. */
class AnimationExportTest {

    @TempDir
    Path dir;

    static final int W = 160;
    static final int H = 100;
    static final double[] SX = {20, 140};
    static final double[] SY = {50, 50};

    static TopologyCanvasView.Job job() {
        Raster.Sprite none = new Raster.Sprite(0, 0, new int[0], 0, 0);
        Raster.Sprite[] sprites = new Raster.Sprite[16];
        Arrays.fill(sprites, none);
        return new TopologyCanvasView.Job(W, H, 0xFFFFFF, 0xEEEEEE, 10, 0, 0, false, SX, SY, 2, new byte[2], null, sprites, 1,
                new int[] {0}, new int[] {1}, new byte[] {2}, 1, 0x808080, 0xFF8C1A, new int[0][], 8, -1, null);
    }

    /** One model transfer from node 0 to node 1 between t = 0 and t = 1. */
    static RunOverlay.Builder builder() {
        RunRecording r = new RunRecording(2, 1);
        r.add(new SimEvent.HopStarted(0, MessageKind.MODEL, 0, 1, 1_000_000, 0, 0, 1, 0));
        return new RunOverlay.Builder(r, new RunOverlay.LinkTable(1, new int[] {0}, new int[] {1}, new double[] {0}));
    }

    static java.util.function.DoubleFunction<RunOverlay.Snapshot> overlay() {
        RunOverlay.Builder b = builder();
        RunOverlay.Geometry geo = new RunOverlay.Geometry(2, SX, SY, 1, new int[] {0}, new int[] {1}, 8);
        RunOverlay.Style st = new RunOverlay.Style(AnimationOptions.NodeColour.NONE, AnimationOptions.LinkLoad.OFF,
                AnimationOptions.LoadMeasure.BITS_IN_FLIGHT, 1.5);
        return t -> b.build(t, geo, st);
    }

    @Test
    void aGifOfNFramesReadsBackWithNFramesOfTheRequestedSizeAndLoops() throws Exception {
        Path out = dir.resolve("sub/run.gif");
        int n = 6;
        List<Double> progress = new ArrayList<>();
        AnimationExporter.Request req = new AnimationExporter.Request(AnimationExporter.Format.GIF, out, W, H, 10, n, 0, 0.9);
        Path written = AnimationExporter.export(req, job(), overlay(), Runnable::run, Runnable::run, progress::add).get();
        assertEquals(out, written);
        assertEquals(n, progress.size());
        assertEquals(1.0, progress.get(n - 1), 0);
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(n, reader.getNumImages(true));
            BufferedImage first = reader.read(0);
            BufferedImage last = reader.read(n - 1);
            for (int i = 0; i < n; i++) {
                assertEquals(W, reader.getWidth(i));
                assertEquals(H, reader.getHeight(i));
            }
            // The model glyph is near the sender in the first frame and near the receiver in the last.
            int modelRgb = RunOverlay.kindRgb(MessageKind.MODEL);
            assertTrue(close(first.getRGB(20, 50), modelRgb), Integer.toHexString(first.getRGB(20, 50)));
            assertTrue(close(last.getRGB(128, 50), modelRgb), Integer.toHexString(last.getRGB(128, 50)));
            assertTrue(!close(first.getRGB(128, 50), modelRgb));
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            assertEquals(1, root.getElementsByTagName("ApplicationExtension").getLength(), "NETSCAPE loop extension");
            IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
            assertEquals("10", gce.getAttribute("delayTime"), "1/10 s per frame at 10 frames/s");
            reader.dispose();
        }
    }

    /** GIF colours are quantized: near enough. */
    static boolean close(int argb, int rgb) {
        int dr = Math.abs(((argb >> 16) & 0xFF) - ((rgb >> 16) & 0xFF));
        int dg = Math.abs(((argb >> 8) & 0xFF) - ((rgb >> 8) & 0xFF));
        int db = Math.abs((argb & 0xFF) - (rgb & 0xFF));
        return dr + dg + db < 40;
    }

    @Test
    void aPngSequenceHasNFilesOfTheRequestedSize() throws Exception {
        Path out = dir.resolve("frames");
        int n = 4;
        AnimationExporter.Request req = new AnimationExporter.Request(AnimationExporter.Format.PNG_SEQUENCE, out, W, H, 25, n,
                0.1, 0.7);
        AnimationExporter.export(req, job(), overlay(), Runnable::run, Runnable::run, p -> { }).get();
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        assertEquals(n, files.size());
        assertEquals("frame-00001.png", files.get(0).getFileName().toString());
        BufferedImage a = ImageIO.read(files.get(0).toFile());
        BufferedImage b = ImageIO.read(files.get(n - 1).toFile());
        assertEquals(W, a.getWidth());
        assertEquals(H, a.getHeight());
        // at t = 0.1 the glyph is 10% along (x = 32), at 0.7 70% (x = 104)
        int modelRgb = 0xFF000000 | RunOverlay.kindRgb(MessageKind.MODEL);
        assertEquals(modelRgb, a.getRGB(32, 50));
        assertEquals(modelRgb, b.getRGB(104, 50));
        assertNotEquals(modelRgb, a.getRGB(104, 50));
    }

    @Test
    void framesAreEvenlySpacedAndBadRequestsAreRefused() {
        AnimationExporter.Request r = new AnimationExporter.Request(AnimationExporter.Format.GIF, dir, 100, 100, 10, 5, 2, 4);
        assertEquals(2, r.timeOf(0), 0);
        assertEquals(2.5, r.timeOf(1), 1e-12);
        assertEquals(4, r.timeOf(4), 0);
        assertThrows(IllegalArgumentException.class,
                () -> new AnimationExporter.Request(AnimationExporter.Format.GIF, dir, 10, 100, 10, 5, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new AnimationExporter.Request(AnimationExporter.Format.GIF, dir, 100, 100, 0, 5, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new AnimationExporter.Request(AnimationExporter.Format.GIF, dir, 100, 100, 10, 5, 2, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnimationExporter.export(
                new AnimationExporter.Request(AnimationExporter.Format.GIF, dir.resolve("x.gif"), 100, 100, 10, 5, 0, 1), job(),
                overlay(), Runnable::run, Runnable::run, p -> { }));
        assertTrue(e.getMessage().contains("160 x 100"), e.getMessage());
    }
}

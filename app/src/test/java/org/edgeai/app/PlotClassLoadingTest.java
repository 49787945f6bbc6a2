package org.edgeai.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeai.app.plot.ChartExport;
import org.edgeai.app.plot.PlotOptions;
import org.edgeai.app.plot.RunFolders;
import org.edgeai.app.plot.XAxisKind;
import org.edgeai.app.plot.YMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plot} in a separate JVM without a display: it loads no JavaFX class, and its SVG is byte-identical to
 * the one this JVM's plotting layer draws from the same data (another process, the same file).
 */
class PlotClassLoadingTest {

    @TempDir
    Path dir;

    @Test
    void plotLoadsNoJavaFxAndWritesTheSameSvgAsAnotherJvm() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("metrics.csv"), "round,sim_time_s,bits_sent,loss,accuracy,consensus_error\n"
                + "0,0,0,2.3,0.1,1\n1,0.5,1000,1.7,0.4,0.5\n2,1,2000,1.2,0.6,0.25\n");
        Path svg = dir.resolve("fig.svg");
        CommandLineClassLoadingTest.Result r = CommandLineClassLoadingTest.runLauncher("plot", run.toString(), "--y", "loss",
                "--out", svg.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("org.edgeai.app.plot.ChartExport"), "class-loading log missing");
        assertFalse(r.out().contains("javafx."), "a JavaFX class was loaded by plot");
        String here = ChartExport.svg(RunFolders.read(List.of(run), YMetric.LOSS, XAxisKind.ROUND, null), PlotOptions.defaults());
        assertEquals(here, Files.readString(svg));
    }
}

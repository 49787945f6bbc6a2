package org.edgeai.model.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.model.pipeline.split.SplitInference;
import org.edgeai.model.pipeline.split.SplitResult;
import org.edgeai.model.pipeline.split.SplitRow;
import org.edgeai.model.pipeline.split.SplitSpec;
import org.edgeai.model.pipeline.split.SweepPoint;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesTest {

    private static PipelineResult runSample(String name) throws Exception {
        JsonNode root = SampleFiles.read(name);
        assertEquals(1, root.get("schemaVersion").asInt());
        return PipelineRunner.run(PipelineSpec.parse(root.get("pipeline")), SampleFiles.topology(root));
    }

    @Test
    void vgg16ScheduleComparison() throws Exception {
        PipelineResult g = runSample("pipeline-vgg16-4dev-gpipe.json");
        PipelineResult o = runSample("pipeline-vgg16-4dev-1f1b.json");
        PipelineResult p = runSample("pipeline-vgg16-4dev-pipedream.json");
        for (PipelineResult r : List.of(g, o, p)) {
            System.out.printf("%s makespan %.3f s/minibatch, %.2f samples/s, bubble %.3f, stages %s%n",
                    r.spec().schedule().id(), r.makespanSeconds(), r.throughput(), r.bubbleFraction(),
                    java.util.Arrays.toString(r.partition().layersPerStage()));
            assertEquals(4, r.partition().stageCount());
        }
        // same balanced partition for all three
        assertArrayEquals(g.partition().layersPerStage(), o.partition().layersPerStage());
        assertArrayEquals(g.partition().layersPerStage(), p.partition().layersPerStage());
        // no flush: pipedream is faster per minibatch and has the smallest bubble
        assertTrue(p.makespanSeconds() < o.makespanSeconds());
        assertTrue(p.bubbleFraction() < o.bubbleFraction());
        for (int s = 0; s < 4; s++) {
            assertEquals(8, g.schedule().stages().get(s).peakInFlight());
            assertEquals(4 - s, o.schedule().stages().get(s).peakInFlight());
            assertEquals(1, o.schedule().stages().get(s).weightVersions());
            assertEquals(4 - s, p.schedule().stages().get(s).weightVersions());
            assertTrue(o.schedule().stages().get(s).peakActivationBytes() <= g.schedule().stages().get(s).peakActivationBytes());
        }
    }

    @Test
    void bertRunsOnTheLeastLatencyPath() throws Exception {
        PipelineResult r = runSample("pipeline-bert-device-2servers.json");
        assertEquals(List.of("phone", "edge1", "edge2"), r.path());
        assertEquals(15, r.model().layerCount());
        // the phone-edge2 direct link is slower in latency: no bits on it
        JsonNode links = r.summaryJson().get("links");
        assertEquals("phone", links.get(2).get("source").asText());
        assertEquals(0, links.get(2).get("bits").asLong());
        assertTrue(links.get(0).get("bits").asLong() > 0);
        System.out.println(JsonOut.text(r.summaryJson().get("stages")));
    }

    @Test
    void outputsAreWrittenAndDeterministic(@TempDir Path tmp) throws Exception {
        PipelineResult a = runSample("pipeline-vgg16-4dev-1f1b.json");
        PipelineResult b = runSample("pipeline-vgg16-4dev-1f1b.json");
        a.writeOutputs(tmp.resolve("a"));
        b.writeOutputs(tmp.resolve("b"));
        for (String f : List.of("schedule.csv", "summary.json")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
        List<String> lines = Files.readAllLines(tmp.resolve("a/schedule.csv"));
        assertEquals("node,stage,microbatch,phase,t_start_s,t_end_s", lines.get(0));
        // 4 minibatches x 8 micro-batches x 4 stages x (forward + backward) + 4 x 4 updates + 2 x 3 x 32 sends
        assertEquals(1 + 4 * 8 * 4 * 2 + 16 + 2 * 3 * 32, lines.size());
        JsonNode s = new ObjectMapper().readTree(tmp.resolve("a/summary.json").toFile());
        List<String> keys = List.of("makespan_s", "throughput_samples_s", "bubble_fraction");
        for (String k : keys) {
            assertTrue(s.has(k), k);
        }
        assertEquals(a.makespanSeconds(), s.get("makespan_s").asDouble(), 0);
        JsonNode st = s.get("stages").get(0);
        for (String k : List.of("layers", "node", "compute_s", "peak_memory_bytes", "weight_versions")) {
            assertTrue(st.has(k), k);
        }
        assertEquals("d0", st.get("node").asText());
        assertEquals(3, s.get("links").size());
        // bits over the first link: 4 x 8 micro-batches, activation + gradient of the stage-0 boundary
        int cut = a.partition().stage(0).lastLayer();
        long bits = a.model().layer(cut).outputElements() * 8 * 32;
        assertEquals(2 * 32 * bits, s.get("links").get(0).get("bits").asLong());
    }

    @Test
    void splitSample(@TempDir Path tmp) throws Exception {
        JsonNode root = SampleFiles.read("split-phone-edge-alexnet.json");
        Topology t = SampleFiles.topology(root);
        SplitSpec spec = SplitSpec.parse(root.get("split"));
        SplitResult r = SplitInference.run(spec, t);
        assertEquals(12, r.rows().size());
        SplitRow brute = r.rows().get(0);
        for (SplitRow row : r.rows()) {
            if (row.totalSeconds() < brute.totalSeconds()) {
                brute = row;
            }
        }
        assertEquals(brute, r.best());
        for (SweepPoint p : r.sweep()) {
            System.out.printf("%8.1f Mbit/s: best cut %2d (%s) %.4f s%n", p.bandwidthMbps(), p.best().cutAfterLayer(),
                    r.layerName(p.best().cutAfterLayer()), p.best().totalSeconds());
        }
        // slow link: all on the phone; fast link: send the raw input
        assertEquals(11, r.sweep().get(0).best().cutAfterLayer());
        assertEquals(0, r.sweep().get(r.sweep().size() - 1).best().cutAfterLayer());
        r.writeOutputs(tmp);
        List<String> lines = Files.readAllLines(tmp.resolve("split.csv"));
        assertEquals("cut_after_layer,device_s,transfer_s,server_s,total_s,bits", lines.get(0));
        assertEquals(13, lines.size());
        JsonNode s = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
        assertEquals(r.best().cutAfterLayer(), s.get("best").get("cut_after_layer").asInt());
        assertEquals(14, Files.readAllLines(tmp.resolve("sweep.csv")).size() - 1);
        System.out.println(String.join("\n", lines));
    }
}

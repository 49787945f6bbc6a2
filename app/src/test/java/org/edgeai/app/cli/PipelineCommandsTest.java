package org.edgeai.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model info, pipeline and split through the command line: the files and keys scripts rely on. */
class PipelineCommandsTest {

    @TempDir
    Path dir;

    @Test
    void modelInfoJsonGivesThePublishedParameterCount() throws Exception {
        TopologyCommandsTest.Run r = TopologyCommandsTest.cli("model", "info", "vgg16", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(138_357_544L, j.get("params").asLong());
        long sum = 0;
        for (JsonNode layer : j.get("layers")) {
            for (String k : List.of("name", "type", "params", "forward_flops", "output_elements")) {
                assertTrue(layer.has(k), "layer key " + k);
            }
            sum += layer.get("params").asLong();
        }
        assertEquals(j.get("params").asLong(), sum, "the layers add up to the total");
        assertTrue(j.get("forward_flops_per_sample").asDouble() > 1.5e10);
    }

    @Test
    void pipelineWritesTheScheduleAndSummaryAndHonoursSet() throws Exception {
        Path out = dir.resolve("gpipe");
        TopologyCommandsTest.Run r = TopologyCommandsTest.cli("pipeline", "../sample-topologies/pipeline-vgg16-4dev-gpipe.json",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("schedule.csv"));
        assertEquals("node,stage,microbatch,phase,t_start_s,t_end_s", rows.get(0));
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String k : List.of("makespan_s", "throughput_samples_s", "bubble_fraction", "stages", "links")) {
            assertTrue(s.has(k), "summary key " + k);
        }
        double bubble = s.get("bubble_fraction").asDouble();
        assertTrue(bubble > 0 && bubble < 1, "bubble " + bubble);

        // more micro-batches fill the pipeline better: a smaller bubble (GPipe: (K-1)/(M+K-1) without communication)
        Path more = dir.resolve("gpipe-32");
        assertEquals(0, TopologyCommandsTest.cli("pipeline", "../sample-topologies/pipeline-vgg16-4dev-gpipe.json",
                "--out", more.toString(), "--set", "pipeline.microBatches=32").exit());
        double bubble32 = new ObjectMapper().readTree(more.resolve("summary.json").toFile()).get("bubble_fraction").asDouble();
        assertTrue(bubble32 < bubble, bubble32 + " < " + bubble);
    }

    @Test
    void splitWritesEveryCutAndTheBestOne() throws Exception {
        Path out = dir.resolve("split");
        TopologyCommandsTest.Run r = TopologyCommandsTest.cli("split", "../sample-topologies/split-phone-edge-alexnet.json",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("split.csv"));
        assertEquals("cut_after_layer,device_s,transfer_s,server_s,total_s,bits", rows.get(0));
        double best = Double.POSITIVE_INFINITY;
        for (String row : rows.subList(1, rows.size())) {
            best = Math.min(best, Double.parseDouble(row.split(",")[4]));
        }
        String summary = Files.readString(out.resolve("summary.json"));
        JsonNode s = new ObjectMapper().readTree(summary);
        assertTrue(summary.contains(Double.toString(best)) || findNumber(s, best), "summary names the minimum total " + best);
    }

    private static boolean findNumber(JsonNode n, double v) {
        if (n.isNumber()) {
            return Math.abs(n.asDouble() - v) <= 1e-12 * Math.max(1, Math.abs(v));
        }
        for (JsonNode c : n) {
            if (findNumber(c, v)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aBadPipelineValueIsLocatedInTheFile() {
        TopologyCommandsTest.Run r = TopologyCommandsTest.cli("pipeline", "../sample-topologies/pipeline-vgg16-4dev-gpipe.json",
                "--out", dir.resolve("x").toString(), "--set", "pipeline.schedule=zigzag");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("pipeline.schedule") && r.err().contains("gpipe"), r.err());
    }
}

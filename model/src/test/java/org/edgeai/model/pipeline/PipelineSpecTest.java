package org.edgeai.model.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.model.pipeline.schedule.ScheduleKind;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class PipelineSpecTest {

    private static final ObjectMapper OM = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return OM.readTree(s.replace('\'', '"'));
    }

    private static String error(String section) {
        SpecException e = assertThrows(SpecException.class, () -> PipelineSpec.parse(json(section)));
        return e.getMessage();
    }

    private static final String LAYERS = "'model': {'input': [16], 'layers': [{'type': 'linear', 'in': 16, 'out': 8},"
            + " {'type': 'linear', 'in': 8, 'out': 8}, {'type': 'linear', 'in': 8, 'out': 8}, {'type': 'linear', 'in': 8, 'out': %s}]}";

    @Test
    void defaultsAndRoundTrip() throws Exception {
        PipelineSpec s = PipelineSpec.parse(json("{'model': {'preset': 'vgg16'}, 'nodes': ['n0', 'n1', 'n2', 'n3']}"));
        assertEquals("balanced", s.partitioner());
        assertEquals(ScheduleKind.GPIPE, s.schedule());
        assertEquals(8, s.microBatches());
        assertEquals(8, s.microBatchSize());
        assertEquals(1, s.minibatches());
        assertEquals(32, s.precisionBits());
        assertEquals(false, s.rematerialize());
        JsonNode filled = s.toJson();
        assertEquals("{\"model\":{\"preset\":\"vgg16\"},\"nodes\":[\"n0\",\"n1\",\"n2\",\"n3\"],\"partitioner\":\"balanced\","
                + "\"schedule\":\"gpipe\",\"microBatches\":8,\"microBatchSize\":8,\"minibatches\":1,\"precisionBits\":32,"
                + "\"rematerialize\":false,\"updateFlopsPerParam\":0.0}", filled.toString());
        assertEquals(filled, PipelineSpec.parse(filled).toJson());
        PipelineSpec u = PipelineSpec.parse(json("{" + String.format(LAYERS, 4) + ", 'nodes': {'from': 'a', 'to': 'b'},"
                + " 'partitioner': {'type': 'user', 'layersPerStage': [1, 3]}, 'schedule': '1f1b'}"));
        assertEquals(u.toJson(), PipelineSpec.parse(u.toJson()).toJson());
        assertTrue(u.isRoute());
    }

    @Test
    void errorsNameTheJsonPath() {
        assertEquals("pipeline.model.layers[3].out: expected an integer >= 1, got 0",
                error("{" + String.format(LAYERS, 0) + ", 'nodes': ['a']}"));
        assertTrue(error("{" + String.format(LAYERS, 4) + ", 'nodes': ['a'], 'schedule': 'zigzag'}")
                .startsWith("pipeline.schedule: unknown value 'zigzag'; expected one of gpipe, 1f1b, pipedream, sequential"));
        assertTrue(error("{" + String.format(LAYERS, 4) + ", 'nodes': ['a'], 'microbatches': 4}")
                .startsWith("pipeline.microbatches: unknown key 'microbatches'; expected one of "));
        assertEquals("pipeline.microBatches: expected an integer in [1, 100000], got 2.5",
                error("{" + String.format(LAYERS, 4) + ", 'nodes': ['a'], 'microBatches': 2.5}"));
        assertEquals("pipeline.precisionBits: expected 32 (fp32) or 16 (fp16), got 8",
                error("{" + String.format(LAYERS, 4) + ", 'nodes': ['a'], 'precisionBits': 8}"));
        assertTrue(error("{'model': {'input': [16], 'layers': [{'type': 'linear', 'in': 15, 'out': 8}]}, 'nodes': ['a']}")
                .startsWith("pipeline.model.layers[0].in: expected 16 (the input has shape [16]), got 15"));
        assertTrue(error("{'model': {'input': [16], 'layers': [{'type': 'conv3d', 'out': 8}]}, 'nodes': ['a']}")
                .startsWith("pipeline.model.layers[0].type: unknown value 'conv3d'; expected one of conv2d, linear"));
        assertTrue(error("{'model': {'input': [3, 8, 8], 'layers': [{'type': 'conv2d', 'out': 8, 'kernel': 9}]}, 'nodes': ['a']}")
                .startsWith("pipeline.model.layers[0]: conv2d layer on input [3, 8, 8]: kernel 9"));
        assertEquals("pipeline.nodes[1]: node 'a' is listed twice; a node runs one stage",
                error("{" + String.format(LAYERS, 4) + ", 'nodes': ['a', 'a']}"));
        assertEquals("pipeline.partitioner.layersPerStage: expected counts summing to the model's 4 layers, got a sum of 3",
                error("{" + String.format(LAYERS, 4) + ", 'nodes': ['a', 'b'], 'partitioner': {'type': 'user', 'layersPerStage': [1, 2]}}"));
        assertTrue(error("{" + String.format(LAYERS, 4) + ", 'nodes': ['a', 'b', 'c', 'd', 'e']}")
                .startsWith("pipeline.nodes: expected at most 4 nodes"));
        assertTrue(error("{'nodes': ['a']}").startsWith("pipeline.model: missing"));
        assertEquals("pipeline.partitioner.replication: replication is planned only by the pipedream partitioner, not by balanced",
                error("{" + String.format(LAYERS, 4) + ", 'nodes': ['a'], 'partitioner': {'type': 'balanced', 'replication': true}}"));
    }

    @Test
    void unknownNodesAreReportedWithTheirPath() throws Exception {
        Topology t = Fixtures.chain(3, 1, 10, 1);
        PipelineSpec s = PipelineSpec.parse(json("{" + String.format(LAYERS, 4) + ", 'nodes': ['s0', 'x1']}"));
        SpecException e = assertThrows(SpecException.class, () -> PipelineRunner.run(s, t));
        assertEquals("pipeline.nodes[1]: unknown node 'x1'; the topology has s0, s1, s2", e.getMessage());
        PipelineSpec r = PipelineSpec.parse(json("{" + String.format(LAYERS, 4) + ", 'nodes': {'from': 's2', 'to': 'zz'}}"));
        e = assertThrows(SpecException.class, () -> PipelineRunner.run(r, t));
        assertTrue(e.getMessage().startsWith("pipeline.nodes.to: unknown node 'zz'"), e.getMessage());
    }

    @Test
    void routeAndSequentialThroughTheRunner() throws Exception {
        Topology t = Fixtures.chain(3, 1, 10, 1);
        PipelineSpec r = PipelineSpec.parse(json("{" + String.format(LAYERS, 4) + ", 'nodes': {'from': 's2', 'to': 's0'},"
                + " 'schedule': 'sequential', 'microBatches': 4, 'microBatchSize': 2}"));
        PipelineResult res = PipelineRunner.run(r, t);
        assertEquals(java.util.List.of("s2", "s1", "s0"), res.path());
        // sequential: one micro-batch of 8 samples per minibatch, 2 forward + 2 backward rows per stage + update
        assertEquals(3 * 3, res.rows().stream().filter(x -> x.phase() != org.edgeai.model.pipeline.schedule.Phase.SEND).count());
        assertEquals(8 / res.totalSeconds(), res.throughput(), 1e-9);
    }
}

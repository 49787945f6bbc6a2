package org.edgeai.model.pipeline.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class ShapeCalculatorTest {

    @Test
    void conv2dClosedForm() {
        // 3 -> 64, 11x11, stride 4, padding 2 on 224x224: out 55x55; 64*3*121 + 64 params
        Cost c = ShapeCalculator.conv2d(Shape.of(3, 224, 224), 64, 11, 4, 2, 1, true, false, "relu");
        assertEquals(Shape.of(64, 55, 55), c.out());
        assertEquals(23_296, c.params());
        long outEl = 64L * 55 * 55;
        assertEquals(2.0 * outEl * 3 * 121 + outEl + outEl, c.flops(), 0);
        // depthwise 3x3 on 32 channels, no bias, batch norm: 32*9 + 64 params
        Cost dw = ShapeCalculator.conv2d(Shape.of(32, 112, 112), 32, 3, 1, 1, 32, false, true, "relu6");
        assertEquals(32 * 9 + 64, dw.params());
        assertEquals(Shape.of(32, 112, 112), dw.out());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShapeCalculator.conv2d(Shape.of(3, 8, 8), 8, 3, 1, 0, 2, true, false, "none"));
        assertTrue(e.getMessage().contains("groups 2 must divide the input channels 3"), e.getMessage());
    }

    @Test
    void linearOnLastDimensionOrFlattened() {
        Cost seq = ShapeCalculator.linear(Shape.of(128, 768), 768, 3072, true, "gelu", false);
        assertEquals(Shape.of(128, 3072), seq.out());
        assertEquals(768L * 3072 + 3072, seq.params());
        assertEquals(128 * (2.0 * 768 * 3072 + 3072 + 8.0 * 3072), seq.flops(), 0);
        Cost flat = ShapeCalculator.linear(Shape.of(16, 5, 5), 400, 120, true, "none", false);
        assertEquals(Shape.of(120), flat.out());
        assertEquals(48_120, flat.params());
        assertEquals(0, ShapeCalculator.linear(Shape.of(4, 8), 8, 100, false, "none", true).params());
    }

    @Test
    void transformerBlockCounts() {
        int d = 768;
        int f = 3072;
        int t = 128;
        Cost c = ShapeCalculator.transformer(Shape.of(t, d), 12, f, "gelu");
        assertEquals(7_087_872, c.params());
        double attn = 2.0 * t * d * 3 * d + 3.0 * t * d + 4.0 * t * t * d + 5.0 * 12 * t * t + 2.0 * t * d * d + t * d;
        double ffn = t * (2.0 * d * f + f + 8.0 * f) + t * (2.0 * f * d + d);
        double elementwise = 2.0 * t * d + 2 * 5.0 * t * d;
        assertEquals(attn + ffn + elementwise, c.flops(), 1e-3);
    }

    @Test
    void blocks() {
        // torchvision: layer1.0 of ResNet-50 has 75,008 parameters; layer2.0 379,392
        assertEquals(75_008, ShapeCalculator.bottleneck(Shape.of(64, 56, 56), 64, 256, 1).params());
        Cost l2 = ShapeCalculator.bottleneck(Shape.of(256, 56, 56), 128, 512, 2);
        assertEquals(379_392, l2.params());
        assertEquals(Shape.of(512, 28, 28), l2.out());
        // MobileNetV2 features[1] (t = 1, 32 -> 16) has 896 parameters, features[2] (t = 6, 16 -> 24, s 2) 5,136
        assertEquals(896, ShapeCalculator.invertedResidual(Shape.of(32, 112, 112), 16, 1, 1).params());
        assertEquals(5_136, ShapeCalculator.invertedResidual(Shape.of(16, 112, 112), 24, 2, 6).params());
    }

    @Test
    void customLayerAndBackwardOverride() throws Exception {
        JsonNode n = new ObjectMapper().readTree("{\"name\": \"m\", \"input\": [8], \"layers\": ["
                + "{\"type\": \"custom\", \"forwardFlops\": 1e9, \"params\": 1000, \"outputElements\": 1000},"
                + "{\"type\": \"linear\", \"in\": 1000, \"out\": 10, \"backwardFlops\": 5}]}");
        ModelProfile p = ModelSpec.parse(n, "pipeline.model").build();
        assertEquals(1e9, p.layer(0).forwardFlops(), 0);
        assertEquals(2e9, p.layer(0).backwardFlops(), 0);
        assertEquals(1000, p.layer(0).outputElements());
        assertEquals(5, p.layer(1).backwardFlops(), 0);
        assertEquals(1000 + 10_010, p.params());
        assertEquals("custom_1", p.layer(0).name());
        assertEquals(8, p.inputElementsOf(0));
        assertEquals(1000, p.inputElementsOf(1));
        // round trip through JSON (the GUI edits the JSON form)
        ModelSpec s = ModelSpec.parse(n, "pipeline.model");
        assertEquals(n, s.toJson());
        ModelSpec edited = new ModelSpec(s.name(), s.input(), java.util.List.of(s.layers().get(0),
                s.layers().get(1).with("out", new ObjectMapper().readTree("20"), "pipeline.model.layers[1]")));
        assertEquals(20, edited.build().layer(1).outputElements());
    }

    @Test
    void modelInfoJsonAndTable() {
        ModelProfile lenet = org.edgeai.model.pipeline.presets.Presets.profile("lenet5");
        var j = ModelInfo.json(lenet);
        assertEquals(61_706, j.get("params").asLong());
        assertEquals(lenet.forwardFlops(), j.get("forward_flops_per_sample").asDouble(), 0);
        assertEquals(7, j.get("layers").size());
        var first = j.get("layers").get(0);
        java.util.List<String> keys = new java.util.ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertEquals("[name, type, params, forward_flops, output_elements]", keys.toString());
        assertEquals(6 * 28 * 28, first.get("output_elements").asLong());
        String table = ModelInfo.table(lenet);
        assertTrue(table.contains("c1") && table.contains("6x28x28") && table.contains("61706 params"), table);
        assertEquals(1 + 1 + 7 + 1, table.split("\n").length); // title, header, layers, total
    }
}

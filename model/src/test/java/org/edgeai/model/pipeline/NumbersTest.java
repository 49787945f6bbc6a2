package org.edgeai.model.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.model.pipeline.layers.ModelSpec;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void plainShortestRoundTripText() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // a decimal comma must not leak in
            assertEquals("0.5", Numbers.format(0.5));
            assertEquals("12", Numbers.format(12.0));
            assertEquals("0", Numbers.format(-0.0));
            assertEquals("0.000001", Numbers.format(1e-6));
            assertEquals("123456789012345680000", Numbers.format(1.2345678901234568e20));
            assertEquals("0.30000000000000004", Numbers.format(0.1 + 0.2));
            assertEquals(0.1 + 0.2, Double.parseDouble(Numbers.format(0.1 + 0.2)), 0);
            assertThrows(IllegalArgumentException.class, () -> Numbers.format(Double.NaN));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void modelFromDocument() throws Exception {
        ObjectMapper om = new ObjectMapper();
        assertEquals("vgg16", ModelSpec.fromDocument(om.readTree("{\"pipeline\": {\"model\": {\"preset\": \"vgg16\"}}}")).preset());
        assertEquals("alexnet", ModelSpec.fromDocument(SampleFiles.read("split-phone-edge-alexnet.json")).preset());
        assertEquals("mlp", ModelSpec.fromDocument(om.readTree("{\"preset\": \"mlp\"}")).preset());
        SpecException e = assertThrows(SpecException.class, () -> ModelSpec.fromDocument(om.readTree("{\"workload\": {}}")));
        assertEquals("(root): expected an experiment with pipeline.model or split.model, or a model object with \"preset\""
                + " or \"input\" and \"layers\", got an object", e.getMessage());
        e = assertThrows(SpecException.class,
                () -> ModelSpec.fromDocument(om.readTree("{\"split\": {\"model\": {\"preset\": \"vgg\"}}}")));
        assertEquals("split.model.preset: unknown value 'vgg'; expected one of mlp, lenet5, alexnet, vgg16, resnet50,"
                + " mobilenetv2, bert-base, gpt2-small", e.getMessage());
    }
}

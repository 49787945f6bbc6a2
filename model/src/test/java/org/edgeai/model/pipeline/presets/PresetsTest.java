package org.edgeai.model.pipeline.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.layers.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

class PresetsTest {

    /** Published parameter counts (torchvision / Hugging Face model cards / the papers). */
    @ParameterizedTest
    @CsvSource({
            "alexnet, 61100840",      // torchvision; "61.1M"
            "vgg16, 138357544",       // torchvision; "138.4M"
            "resnet50, 25557032",     // torchvision; "25.6M"
            "mobilenetv2, 3504872",   // torchvision; paper "3.4M"
            "bert-base, 110000000",   // Devlin et al.: "110M"
            "gpt2-small, 124439808",  // Hugging Face gpt2; "124M"
            "lenet5, 61706",          // modern LeNet-5 (full C3): 156 + 2416 + 48120 + 10164 + 850
            "mlp, 535818"             // 784*512+512 + 512*256+256 + 256*10+10
    })
    void parameterCountsMatchPublishedWithinOnePercent(String id, long published) {
        long p = Presets.profile(id).params();
        assertTrue(Math.abs(p - published) <= 0.01 * published, id + ": " + p + " vs published " + published);
    }

    @Test
    void exactCountsOfTheReferenceImplementations() {
        assertEquals(61_100_840L, Presets.profile("alexnet").params());
        assertEquals(138_357_544L, Presets.profile("vgg16").params());
        assertEquals(25_557_032L, Presets.profile("resnet50").params());
        assertEquals(3_504_872L, Presets.profile("mobilenetv2").params());
        assertEquals(109_482_240L, Presets.profile("bert-base").params());
        assertEquals(124_439_808L, Presets.profile("gpt2-small").params());
    }

    @Test
    void granularityAndShapes() {
        ModelProfile r = Presets.profile("resnet50");
        assertEquals(2 + 16 + 2, r.layerCount()); // stem conv, pool, 16 bottlenecks, avgpool, fc
        assertEquals(2048 * 7 * 7, r.layer(17).outputElements());
        ModelProfile v = Presets.profile("vgg16");
        assertEquals(13 + 5 + 3, v.layerCount());
        assertEquals(512 * 7 * 7, v.layer(17).outputElements());
        ModelProfile b = Presets.profile("bert-base");
        assertEquals(128 * 768, b.layer(0).outputElements());
        assertEquals(768, b.layer(b.layerCount() - 1).outputElements());
    }

    @Test
    void knownForwardFlops() {
        // VGG-16 is about 15.5 GMACs per 224x224 image (31 GFLOPs at 2 per MAC); AlexNet about 0.71 GMACs;
        // ResNet-50 about 4.1 GMACs. Convention here adds biases, BN and activations, so allow a few percent.
        assertEquals(15.47e9, Presets.profile("vgg16").forwardFlops() / 2, 0.03 * 15.47e9);
        assertEquals(0.714e9, Presets.profile("alexnet").forwardFlops() / 2, 0.03 * 0.714e9);
        assertEquals(4.11e9, Presets.profile("resnet50").forwardFlops() / 2, 0.04 * 4.11e9);
    }

    @Test
    void seqLenOption() throws Exception {
        ObjectMapper om = new ObjectMapper();
        ModelSpec s = ModelSpec.parse(om.readTree("{\"preset\": \"bert-base\", \"seqLen\": 256}"), "pipeline.model");
        assertEquals(256 * 768, s.build().layer(0).outputElements());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.parse(om.readTree("{\"preset\": \"vgg16\", \"seqLen\": 256}"), "pipeline.model"));
        assertTrue(e.getMessage().startsWith("pipeline.model.seqLen: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.parse(om.readTree("{\"preset\": \"vgg19\"}"), "pipeline.model"));
        assertTrue(e.getMessage().contains("vgg16") && e.getMessage().contains("pipeline.model.preset"), e.getMessage());
    }
}

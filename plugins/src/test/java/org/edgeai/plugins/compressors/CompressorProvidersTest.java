package org.edgeai.plugins.compressors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.CompressorProvider;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.spi.ProviderRegistry;
import org.junit.jupiter.api.Test;

class CompressorProvidersTest {

    private static final ProviderRegistry<CompressorProvider> REGISTRY =
            ProviderRegistry.load("compressor", CompressorProvider.class, CompressorProvidersTest.class.getClassLoader());

    @Test
    void allBuiltInsAreRegistered() {
        assertEquals(List.of("fp16", "none", "qsgd", "randk", "sign", "topk"), REGISTRY.ids());
        assertEquals(List.of(), REGISTRY.failures());
        for (CompressorProvider p : REGISTRY.all()) {
            assertTrue(!p.displayName().isBlank() && !p.description().isBlank(), p.id());
        }
    }

    @Test
    void defaultsAndBits() {
        int d = 650;
        assertEquals(20_800, create("none", Map.of()).bits(d));
        assertEquals(10_400, create("fp16", Map.of()).bits(d));
        assertEquals(682, create("sign", Map.of()).bits(d));
        CompressionScheme q = create("qsgd", Map.of());
        assertEquals("qsgd(levels=16)", q.describe());
        assertEquals(32 + 650 * 6, q.bits(d));
        CompressionScheme t = create("topk", Map.of());
        assertEquals("topk(ratio=0.05, errorFeedback=true)", t.describe());
        assertEquals(33 * 42, t.bits(d));
        CompressionScheme r = create("randk", Map.of("ratio", 0.1));
        assertEquals(32 * 65 + 32, r.bits(d));
        assertEquals(32 + 650 * (1 + 3), create("qsgd", Map.of("levels", 4)).bits(d)); // sign bit + ceil(log2 5) = 3
        assertEquals(65 * 42, create("topk", Map.of("ratio", 0.1, "errorFeedback", false)).bits(d));
    }

    @Test
    void validationNamesTheParameter() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.get("topk").validate(Map.of("ratio", 1.5)));
        assertEquals("topk: ratio: expected a value in [0, 1], got 1.5", range.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.get("qsgd").validate(Map.of("bits", 4)));
        assertEquals("qsgd: unknown parameter 'bits'; expected one of levels", unknown.getMessage());
        IllegalArgumentException noParams = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.get("sign").validate(Map.of("ratio", 0.1)));
        assertEquals("sign: unknown parameter 'ratio'; expected one of (none)", noParams.getMessage());
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class, () -> REGISTRY.get("zip"));
        assertTrue(id.getMessage().contains("fp16, none, qsgd, randk, sign, topk"), id.getMessage());
    }

    @Test
    void seededSchemesAreReproducible() {
        float[] v = new float[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i);
        }
        CompressorProvider p = REGISTRY.get("qsgd");
        Parameters params = p.validate(Map.of("levels", 2));
        float[] a = p.create(params, 7).forSender(1).compress(v);
        float[] b = p.create(params, 7).forSender(1).compress(v);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    }

    private static CompressionScheme create(String id, Map<String, ?> raw) {
        CompressorProvider p = REGISTRY.get(id);
        return p.create(p.validate(raw), 1);
    }
}

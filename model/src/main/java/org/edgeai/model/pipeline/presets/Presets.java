package org.edgeai.model.pipeline.presets;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.model.pipeline.layers.LayerSpec;
import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.layers.ModelSpec;
import org.edgeai.model.pipeline.layers.Shape;

/**
 * Models built with the shape calculator, at the granularity pipelines cut them (one entry per
 * convolution/linear layer, ResNet bottleneck block, MobileNetV2 inverted-residual block or transformer
 * block). Parameter counts (checked by tests against the published figures):
 * <ul>
 *   <li>{@code mlp}: 784-512-256-10 with ReLU, 535,818.</li>
 *   <li>{@code lenet5}: the common modern LeNet-5 (32x32 input, full C3 connections, ReLU, average pooling),
 *       61,706. LeCun et al. 1998 count 60,000 with C3's partial connection table and an RBF output.</li>
 *   <li>{@code alexnet}: torchvision's AlexNet, 61,100,840.</li>
 *   <li>{@code vgg16}: torchvision's VGG-16 (no batch norm), 138,357,544.</li>
 *   <li>{@code resnet50}: torchvision's ResNet-50 (v1.5), 25,557,032.</li>
 *   <li>{@code mobilenetv2}: torchvision's MobileNetV2 (width 1.0), 3,504,872.</li>
 *   <li>{@code bert-base}: BERT-base uncased with pooler (vocabulary 30,522), 109,482,240 (published "110M");
 *       sequence length 128 unless {@code seqLen} is given.</li>
 *   <li>{@code gpt2-small}: GPT-2 small, output head tied to the token embedding, 124,439,808; sequence
 *       length 1024 unless {@code seqLen} is given.</li>
 * </ul>
 * Image models take one 3x224x224 input (LeNet-5 1x32x32, the MLP 784 values).
 */
public final class Presets {

    private static final List<String> NAMES = List.of("mlp", "lenet5", "alexnet", "vgg16", "resnet50", "mobilenetv2",
            "bert-base", "gpt2-small");

    private Presets() {
    }

    /** The preset ids, in a fixed order. */
    public static List<String> names() {
        return NAMES;
    }

    /** The preset's profile with its default sequence length. */
    public static ModelProfile profile(String id) {
        return spec(id, -1).build();
    }

    /**
     * The preset's definition.
     *
     * @param seqLen sequence length for bert-base (&le; 512) and gpt2-small (&le; 1024); -1 for the default;
     *               must be -1 for the other presets
     * @throws IllegalArgumentException for an unknown id (listing the ids) or a bad sequence length
     */
    public static ModelSpec spec(String id, int seqLen) {
        boolean text = id.equals("bert-base") || id.equals("gpt2-small");
        if (seqLen != -1 && !text) {
            throw new IllegalArgumentException("seqLen applies only to bert-base and gpt2-small, not to " + id);
        }
        ModelSpec s = switch (id) {
            case "mlp" -> mlp();
            case "lenet5" -> lenet5();
            case "alexnet" -> alexnet();
            case "vgg16" -> vgg16();
            case "resnet50" -> resnet50();
            case "mobilenetv2" -> mobilenetV2();
            case "bert-base" -> bertBase(seqLen == -1 ? 128 : seqLen);
            case "gpt2-small" -> gpt2Small(seqLen == -1 ? 1024 : seqLen);
            default -> throw new IllegalArgumentException("unknown model preset '" + id + "'; expected one of "
                    + String.join(", ", NAMES));
        };
        return s.asPreset(id);
    }

    /** Collects named layers. */
    private static final class B {
        final List<LayerSpec> layers = new ArrayList<>();

        B add(String name, String type, Object... kv) {
            Object[] all = new Object[kv.length + 2];
            all[0] = "name";
            all[1] = name;
            System.arraycopy(kv, 0, all, 2, kv.length);
            layers.add(LayerSpec.of(type, all));
            return this;
        }

        B conv(String name, int in, int out, int k, int s, int p, String act) {
            return add(name, "conv2d", "in", in, "out", out, "kernel", k, "stride", s, "padding", p, "activation", act);
        }
    }

    private static ModelSpec mlp() {
        B b = new B();
        b.add("fc1", "linear", "in", 784, "out", 512, "activation", "relu");
        b.add("fc2", "linear", "in", 512, "out", 256, "activation", "relu");
        b.add("fc3", "linear", "in", 256, "out", 10);
        return new ModelSpec("mlp", Shape.of(784), b.layers);
    }

    private static ModelSpec lenet5() {
        B b = new B();
        b.conv("c1", 1, 6, 5, 1, 0, "relu");
        b.add("s2", "avgpool", "kernel", 2);
        b.conv("c3", 6, 16, 5, 1, 0, "relu");
        b.add("s4", "avgpool", "kernel", 2);
        b.add("f5", "linear", "in", 400, "out", 120, "activation", "relu");
        b.add("f6", "linear", "in", 120, "out", 84, "activation", "relu");
        b.add("out", "linear", "in", 84, "out", 10);
        return new ModelSpec("lenet5", Shape.of(1, 32, 32), b.layers);
    }

    private static ModelSpec alexnet() {
        B b = new B();
        b.conv("conv1", 3, 64, 11, 4, 2, "relu");
        b.add("pool1", "maxpool", "kernel", 3, "stride", 2);
        b.conv("conv2", 64, 192, 5, 1, 2, "relu");
        b.add("pool2", "maxpool", "kernel", 3, "stride", 2);
        b.conv("conv3", 192, 384, 3, 1, 1, "relu");
        b.conv("conv4", 384, 256, 3, 1, 1, "relu");
        b.conv("conv5", 256, 256, 3, 1, 1, "relu");
        b.add("pool5", "maxpool", "kernel", 3, "stride", 2);
        b.add("fc6", "linear", "in", 9216, "out", 4096, "activation", "relu");
        b.add("fc7", "linear", "in", 4096, "out", 4096, "activation", "relu");
        b.add("fc8", "linear", "in", 4096, "out", 1000);
        return new ModelSpec("alexnet", Shape.of(3, 224, 224), b.layers);
    }

    private static ModelSpec vgg16() {
        B b = new B();
        int[][] blocks = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};
        int c = 3;
        for (int i = 0; i < blocks.length; i++) {
            for (int j = 0; j < blocks[i].length; j++) {
                b.conv("conv" + (i + 1) + "_" + (j + 1), c, blocks[i][j], 3, 1, 1, "relu");
                c = blocks[i][j];
            }
            b.add("pool" + (i + 1), "maxpool", "kernel", 2);
        }
        b.add("fc6", "linear", "in", 25088, "out", 4096, "activation", "relu");
        b.add("fc7", "linear", "in", 4096, "out", 4096, "activation", "relu");
        b.add("fc8", "linear", "in", 4096, "out", 1000);
        return new ModelSpec("vgg16", Shape.of(3, 224, 224), b.layers);
    }

    private static ModelSpec resnet50() {
        B b = new B();
        b.add("conv1", "conv2d", "in", 3, "out", 64, "kernel", 7, "stride", 2, "padding", 3, "bias", false,
                "batchNorm", true, "activation", "relu");
        b.add("pool1", "maxpool", "kernel", 3, "stride", 2, "padding", 1);
        int[] blocks = {3, 4, 6, 3};
        int[] mids = {64, 128, 256, 512};
        for (int stage = 0; stage < 4; stage++) {
            for (int i = 0; i < blocks[stage]; i++) {
                int stride = (i == 0 && stage > 0) ? 2 : 1;
                b.add("layer" + (stage + 1) + "." + i, "bottleneck", "mid", mids[stage], "out", 4 * mids[stage],
                        "stride", stride);
            }
        }
        b.add("avgpool", "globalavgpool");
        b.add("fc", "linear", "in", 2048, "out", 1000);
        return new ModelSpec("resnet50", Shape.of(3, 224, 224), b.layers);
    }

    private static ModelSpec mobilenetV2() {
        B b = new B();
        b.add("conv0", "conv2d", "in", 3, "out", 32, "kernel", 3, "stride", 2, "padding", 1, "bias", false,
                "batchNorm", true, "activation", "relu6");
        int[][] cfg = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
        int block = 1;
        for (int[] t : cfg) {
            for (int i = 0; i < t[2]; i++) {
                b.add("block" + block++, "invertedresidual", "out", t[1], "stride", i == 0 ? t[3] : 1, "expand", t[0]);
            }
        }
        b.add("conv_last", "conv2d", "in", 320, "out", 1280, "kernel", 1, "bias", false, "batchNorm", true,
                "activation", "relu6");
        b.add("avgpool", "globalavgpool");
        b.add("classifier", "linear", "in", 1280, "out", 1000);
        return new ModelSpec("mobilenetv2", Shape.of(3, 224, 224), b.layers);
    }

    private static ModelSpec bertBase(int seqLen) {
        if (seqLen > 512) {
            throw new IllegalArgumentException("bert-base takes at most 512 tokens, got seqLen " + seqLen);
        }
        B b = new B();
        b.add("embeddings", "embedding", "vocab", 30522, "dim", 768, "positions", 512, "types", 2, "layerNorm", true);
        for (int i = 0; i < 12; i++) {
            b.add("encoder." + i, "transformer", "heads", 12, "ffn", 3072, "activation", "gelu");
        }
        b.add("cls_token", "token", "index", 0);
        b.add("pooler", "linear", "in", 768, "out", 768, "activation", "tanh");
        return new ModelSpec("bert-base", Shape.of(seqLen), b.layers);
    }

    private static ModelSpec gpt2Small(int seqLen) {
        if (seqLen > 1024) {
            throw new IllegalArgumentException("gpt2-small takes at most 1024 tokens, got seqLen " + seqLen);
        }
        B b = new B();
        b.add("wte+wpe", "embedding", "vocab", 50257, "dim", 768, "positions", 1024);
        for (int i = 0; i < 12; i++) {
            b.add("h." + i, "transformer", "heads", 12, "ffn", 3072, "activation", "gelu");
        }
        b.add("ln_f", "layernorm");
        b.add("lm_head", "linear", "in", 768, "out", 50257, "bias", false, "tied", true);
        return new ModelSpec("gpt2-small", Shape.of(seqLen), b.layers);
    }
}

package org.edgeai.model.pipeline.layers;

import java.util.List;

/**
 * The shape calculator: output shape, trainable parameters and forward FLOPs per sample of each layer
 * kind, computed from the shapes (never typed in).
 *
 * <p>Conventions (all per sample; the batch dimension is never part of a shape):
 * <ul>
 *   <li>A multiply-add counts 2 FLOPs; a bias add 1 FLOP per output element.</li>
 *   <li>Element-wise activations cost per element: relu 1, relu6 2, tanh 4, sigmoid 4, gelu 8, none 0.</li>
 *   <li>Batch normalization: 2 parameters (scale, shift) per channel, 2 FLOPs per element (running
 *       statistics are buffers, not parameters, as in PyTorch's parameter counts).</li>
 *   <li>Layer normalization over the last dimension D: 2D parameters, 5 FLOPs per element.</li>
 *   <li>Pooling: kernel-area FLOPs per output element; global average pooling one per input element.</li>
 *   <li>Softmax in attention: 5 FLOPs per score; a residual add 1 FLOP per element.</li>
 * </ul>
 * Every method is O(1) and throws {@link IllegalArgumentException} on a shape it cannot take, saying what
 * it expected and what it got.
 */
public final class ShapeCalculator {

    /** Element-wise activation functions and their FLOPs per element. */
    public static final List<String> ACTIVATIONS = List.of("none", "relu", "relu6", "tanh", "sigmoid", "gelu");

    private ShapeCalculator() {
    }

    /** FLOPs per element of an activation function named in {@link #ACTIVATIONS}. */
    public static int activationFlops(String fn) {
        return switch (fn) {
            case "none" -> 0;
            case "relu" -> 1;
            case "relu6" -> 2;
            case "tanh", "sigmoid" -> 4;
            case "gelu" -> 8;
            default -> throw new IllegalArgumentException("unknown activation '" + fn + "'; expected one of "
                    + String.join(", ", ACTIVATIONS));
        };
    }

    private static void requireRank(Shape in, int rank, String what) {
        if (in.rank() != rank) {
            throw new IllegalArgumentException(what + " expects an input of rank " + rank + ", got shape " + in);
        }
    }

    /** Output size of a sliding window: floor((n + 2p - k) / s) + 1, which must be &gt;= 1. */
    public static int windowOut(int n, int kernel, int stride, int padding) {
        int span = n + 2 * padding - kernel;
        if (span < 0) {
            throw new IllegalArgumentException("kernel " + kernel + " with padding " + padding
                    + " does not fit an input of size " + n);
        }
        return span / stride + 1;
    }

    /**
     * 2-d convolution on {@code [C, H, W]}: params = out * (C / groups) * k^2 (+ out bias) (+ 2 out for batch
     * normalization); FLOPs = 2 * out * H' * W' * (C / groups) * k^2 (+ bias, normalization, activation per
     * output element).
     */
    public static Cost conv2d(Shape in, int out, int kernel, int stride, int padding, int groups, boolean bias,
                              boolean batchNorm, String activation) {
        requireRank(in, 3, "conv2d");
        int c = in.dim(0);
        if (c % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException("conv2d groups " + groups + " must divide the input channels " + c
                    + " and the output channels " + out);
        }
        int h = windowOut(in.dim(1), kernel, stride, padding);
        int w = windowOut(in.dim(2), kernel, stride, padding);
        long perOut = (long) (c / groups) * kernel * kernel;
        long outElems = (long) out * h * w;
        long params = out * perOut + (bias ? out : 0) + (batchNorm ? 2L * out : 0);
        double flops = 2.0 * outElems * perOut + (bias ? outElems : 0) + (batchNorm ? 2.0 * outElems : 0)
                + (double) activationFlops(activation) * outElems;
        return new Cost(Shape.of(out, h, w), params, flops);
    }

    /**
     * Fully connected layer applied to the last dimension (when it equals {@code inFeatures}) or to the
     * flattened input (when the element count equals it): params = in * out (+ out); FLOPs = rows * (2 * in
     * * out (+ out) + activation * out). A {@code tied} layer shares its weight matrix with an earlier layer
     * (GPT-2's output head), so only its bias counts.
     */
    public static Cost linear(Shape in, int inFeatures, int out, boolean bias, String activation, boolean tied) {
        Shape outShape;
        long rows;
        if (in.last() == inFeatures) {
            outShape = in.withLast(out);
            rows = in.elements() / inFeatures;
        } else if (in.elements() == inFeatures) {
            outShape = Shape.of(out);
            rows = 1;
        } else {
            throw new IllegalArgumentException("linear in = " + inFeatures + " does not fit input shape " + in
                    + "; expected " + in.last() + " (last dimension) or " + in.elements() + " (flattened)");
        }
        long params = (tied ? 0 : (long) inFeatures * out) + (bias ? out : 0);
        double flops = rows * (2.0 * inFeatures * out + (bias ? out : 0) + (double) activationFlops(activation) * out);
        return new Cost(outShape, params, flops);
    }

    /** Max or average pooling on {@code [C, H, W]}: kernel^2 FLOPs per output element, no parameters. */
    public static Cost pool(Shape in, int kernel, int stride, int padding) {
        requireRank(in, 3, "pooling");
        int h = windowOut(in.dim(1), kernel, stride, padding);
        int w = windowOut(in.dim(2), kernel, stride, padding);
        Shape out = Shape.of(in.dim(0), h, w);
        return new Cost(out, 0, (double) out.elements() * kernel * kernel);
    }

    /** Global (adaptive 1x1) average pooling {@code [C, H, W] -> [C]}: one FLOP per input element. */
    public static Cost globalAvgPool(Shape in) {
        requireRank(in, 3, "globalavgpool");
        return new Cost(Shape.of(in.dim(0)), 0, in.elements());
    }

    /** Batch normalization over the channels (dimension 0): 2C parameters, 2 FLOPs per element. */
    public static Cost batchNorm(Shape in) {
        return new Cost(in, 2L * in.dim(0), 2.0 * in.elements());
    }

    /** Layer normalization over the last dimension D: 2D parameters, 5 FLOPs per element. */
    public static Cost layerNorm(Shape in) {
        return new Cost(in, 2L * in.last(), 5.0 * in.elements());
    }

    /** Element-wise activation. */
    public static Cost activation(Shape in, String fn) {
        return new Cost(in, 0, (double) activationFlops(fn) * in.elements());
    }

    /** Flatten to a vector: no parameters, no FLOPs. */
    public static Cost flatten(Shape in) {
        return new Cost(Shape.of(Math.toIntExact(in.elements())), 0, 0);
    }

    /**
     * Token embedding {@code [T] -> [T, dim]} with optional learned position and token-type tables (added:
     * one FLOP per element each) and an optional layer normalization. Parameters: (vocab + positions +
     * types) * dim (+ 2 dim).
     */
    public static Cost embedding(Shape in, int vocab, int dim, int positions, int types, boolean layerNorm) {
        requireRank(in, 1, "embedding");
        int t = in.dim(0);
        if (positions > 0 && t > positions) {
            throw new IllegalArgumentException("embedding: sequence length " + t + " exceeds positions " + positions);
        }
        Shape out = Shape.of(t, dim);
        long params = ((long) vocab + positions + types) * dim;
        double flops = (double) out.elements() * ((positions > 0 ? 1 : 0) + (types > 0 ? 1 : 0));
        Cost c = new Cost(out, params, flops);
        return layerNorm ? c.plus(layerNorm(out).params(), layerNorm(out).flops()) : c;
    }

    /**
     * Multi-head self-attention on {@code [T, D]} with {@code heads} heads: Q, K, V and output projections
     * with biases (4 D^2 + 4 D parameters); FLOPs = 2 T D (3D) + 3 T D (QKV) + 2 T^2 D (scores) + 5 heads
     * T^2 (softmax) + 2 T^2 D (weighted sum) + 2 T D^2 + T D (output).
     */
    public static Cost attention(Shape in, int heads) {
        requireRank(in, 2, "attention");
        long t = in.dim(0);
        long d = in.dim(1);
        if (d % heads != 0) {
            throw new IllegalArgumentException("attention: heads " + heads + " must divide the model dimension " + d);
        }
        long params = 4 * d * d + 4 * d;
        double flops = 2.0 * t * d * 3 * d + 3.0 * t * d
                + 2.0 * t * t * d + 5.0 * heads * t * t + 2.0 * t * t * d
                + 2.0 * t * d * d + t * d;
        return new Cost(in, params, flops);
    }

    /**
     * A transformer block on {@code [T, D]} (BERT's post-norm or GPT-2's pre-norm: same counts): attention,
     * residual add, layer norm, feed-forward D -> ffn -> D with biases and {@code activation}, residual add,
     * layer norm.
     */
    public static Cost transformer(Shape in, int heads, int ffn, String activation) {
        Cost att = attention(in, heads);
        double te = in.elements();
        Cost ln = layerNorm(in);
        Cost up = linear(in, in.last(), ffn, true, activation, false);
        Cost down = linear(up.out(), ffn, in.last(), true, "none", false);
        return att.plus(0, te).plus(ln.params(), ln.flops()).then(up).then(down).plus(0, te)
                .plus(ln.params(), ln.flops());
    }

    /**
     * ResNet bottleneck block (torchvision v1.5: the stride is on the 3x3 convolution) on {@code [C, H, W]}:
     * 1x1 C->mid, 3x3 mid->mid, 1x1 mid->out, each without bias and with batch normalization, ReLU after the
     * first two; a 1x1 projection with batch normalization on the shortcut when the stride is not 1 or C
     * differs from out; residual add and ReLU.
     */
    public static Cost bottleneck(Shape in, int mid, int out, int stride) {
        requireRank(in, 3, "bottleneck");
        Cost main = conv2d(in, mid, 1, 1, 0, 1, false, true, "relu");
        main = main.then(conv2d(main.out(), mid, 3, stride, 1, 1, false, true, "relu"));
        main = main.then(conv2d(main.out(), out, 1, 1, 0, 1, false, true, "none"));
        if (stride != 1 || in.dim(0) != out) {
            Cost sc = conv2d(in, out, 1, stride, 0, 1, false, true, "none");
            main = main.plus(sc.params(), sc.flops());
        }
        double e = main.out().elements();
        return main.plus(0, e + e); // residual add, ReLU
    }

    /**
     * MobileNetV2 inverted residual block on {@code [C, H, W]}: (when expand != 1) 1x1 C->C*expand with batch
     * normalization and ReLU6; 3x3 depthwise with the stride, batch normalization and ReLU6; 1x1 linear
     * projection to out with batch normalization; residual add when the stride is 1 and C equals out.
     */
    public static Cost invertedResidual(Shape in, int out, int stride, int expand) {
        requireRank(in, 3, "invertedresidual");
        int hidden = in.dim(0) * expand;
        Cost c = new Cost(in, 0, 0);
        if (expand != 1) {
            c = c.then(conv2d(in, hidden, 1, 1, 0, 1, false, true, "relu6"));
        }
        c = c.then(conv2d(c.out(), hidden, 3, stride, 1, hidden, false, true, "relu6"));
        c = c.then(conv2d(c.out(), out, 1, 1, 0, 1, false, true, "none"));
        if (stride == 1 && in.dim(0) == out) {
            c = c.plus(0, c.out().elements());
        }
        return c;
    }

    /** Selects one token of {@code [T, D]} (BERT's pooler takes the first): {@code [D]}, no cost. */
    public static Cost token(Shape in, int index) {
        requireRank(in, 2, "token");
        if (index >= in.dim(0)) {
            throw new IllegalArgumentException("token index " + index + " is outside the sequence of length " + in.dim(0));
        }
        return new Cost(Shape.of(in.dim(1)), 0, 0);
    }

    /** A layer given by its numbers: output {@code [outputElements]}. */
    public static Cost custom(double forwardFlops, long params, int outputElements) {
        return new Cost(Shape.of(outputElements), params, forwardFlops);
    }
}

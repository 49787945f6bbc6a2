package org.edgeai.model.pipeline.layers;

/**
 * The result of the shape calculator for one layer: output shape, trainable parameters and forward FLOPs
 * per sample.
 */
public record Cost(Shape out, long params, double flops) {

    /** This cost followed by {@code next} (output of {@code next}, sums of params and FLOPs). */
    public Cost then(Cost next) {
        return new Cost(next.out, params + next.params, flops + next.flops);
    }

    /** Adds parameters and FLOPs that do not change the shape (residual adds, activations, norms). */
    public Cost plus(long extraParams, double extraFlops) {
        return new Cost(out, params + extraParams, flops + extraFlops);
    }
}

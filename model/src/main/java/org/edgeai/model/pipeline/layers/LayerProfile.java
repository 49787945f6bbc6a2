package org.edgeai.model.pipeline.layers;

/**
 * What the pipeline needs to know about one layer, per sample.
 *
 * @param name           unique within the model
 * @param type           the layer vocabulary's type name ({@code conv2d}, {@code linear}, ...)
 * @param params         trainable parameters (parameters tied to another layer are not counted again)
 * @param forwardFlops   forward FLOPs for one sample (a multiply-add counts 2), &gt;= 0
 * @param backwardFlops  backward FLOPs for one sample (default 2 x forward), &gt;= 0
 * @param outputShape    shape of the output activation of one sample
 */
public record LayerProfile(String name, String type, long params, double forwardFlops, double backwardFlops,
                           Shape outputShape) {

    public LayerProfile {
        if (params < 0 || !(forwardFlops >= 0) || !(backwardFlops >= 0)
                || Double.isInfinite(forwardFlops) || Double.isInfinite(backwardFlops)) {
            throw new IllegalArgumentException("layer " + name + ": params and FLOPs must be finite and >= 0");
        }
    }

    /** Elements of the output activation of one sample. */
    public long outputElements() {
        return outputShape.elements();
    }
}

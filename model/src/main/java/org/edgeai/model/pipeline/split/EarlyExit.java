package org.edgeai.model.pipeline.split;

/**
 * An early exit: after layer {@code afterLayer} (1-based) an exit classifier of {@code exitFlops} FLOPs per
 * sample runs for every request, and a {@code fraction} of the requests stops there with its answer.
 *
 * @param afterLayer 1 .. layers - 1
 * @param fraction   share of requests that exit, in [0, 1]
 * @param exitFlops  FLOPs per sample of the exit classifier, &gt;= 0
 */
public record EarlyExit(int afterLayer, double fraction, double exitFlops) {
}

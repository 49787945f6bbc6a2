package org.edgeai.model.learning;

/**
 * The per-round metrics of DESIGN.md "Learning".
 *
 * @param loss           training loss of the average model x̄ over the whole training set (cross-entropy
 *                       or mean squared error); for consensus (1/N) Σ ||x_i − x̄⁰||²
 * @param accuracy       accuracy of x̄ on the test set in [0, 1]; NaN when there is none
 * @param consensusError (1/N) Σ_i ||x_i − x̄||²; 0 for a single model
 */
public record Metrics(double loss, double accuracy, double consensusError) {
}

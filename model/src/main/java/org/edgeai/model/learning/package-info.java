/**
 * The learning side of the simulation: what the nodes learn and how their messages are compressed.
 * No networking here; the engine and the algorithms call this code.
 *
 * <h2>For algorithm writers</h2>
 * <ol>
 *   <li>{@link org.edgeai.model.learning.Workloads#create} builds a {@link org.edgeai.model.learning.Workload}
 *       from the experiment file's {@code workload} section for N data-holding nodes (indices 0..N−1).</li>
 *   <li>{@link org.edgeai.model.learning.Workload#newState()} gives a {@link org.edgeai.model.learning.LearningState}:
 *       the replicas X as one row-major {@code float[N * d]} (node i at {@code i * d}), batched stochastic
 *       gradients ({@code gradients(nodes, params, out)}), per-node gradients at any vector, minibatch
 *       losses for zeroth-order methods, and the per-round {@link org.edgeai.model.learning.Metrics}.</li>
 *   <li>{@link org.edgeai.model.learning.Workload#flopsPerGradient(int)} is what a local step costs, to turn
 *       into time with the node's speed; {@link org.edgeai.model.learning.Workload#samples(int)} is n_i
 *       for weighted averages; {@link org.edgeai.model.learning.Workload#dimension()} is the d of the bit
 *       formulas.</li>
 *   <li>Compression: one {@link org.edgeai.model.learning.compress.CompressionScheme} per run (from a
 *       {@link org.edgeai.model.learning.compress.CompressorProvider} or
 *       {@link org.edgeai.model.learning.compress.Compressors}), one
 *       {@link org.edgeai.model.learning.compress.Compressor} per sender; {@code compress} writes what the
 *       receiver uses and returns the message's bits.</li>
 * </ol>
 *
 * <h2>Seeds</h2>
 * Every component takes a seed from its caller and derives named or numbered sub-streams with
 * {@link org.edgeai.model.learning.Seeds}; nothing here reads the clock or an unseeded generator, and
 * the results of the batched gradients do not depend on how many threads compute them.
 */
package org.edgeai.model.learning;

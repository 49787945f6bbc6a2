/**
 * The decentralized algorithms of ALGORITHMS.md ("Decentralized"): {@code dsgd}, {@code gossip-avg},
 * {@code gossip-sgd}, {@code allreduce-ring}, {@code allreduce-tree} and {@code choco-sgd}, each an
 * {@link org.edgeai.model.engine.AlgorithmProvider}.
 *
 * <p>Every node of the topology is a peer holding one row of the learning state
 * ({@link org.edgeai.model.run.RunSetup}: row i is topology node i). Numerics follow DESIGN.md: gradients
 * batched for all nodes through {@link org.edgeai.model.learning.LearningState}, mixing and averaging in
 * plain {@code float[]} loops over the mixing matrix in CSR form aligned with the network's directions, no
 * allocation per message. Messages carry only an int tag; the values a receiver uses are kept by the
 * algorithm in preallocated buffers from the moment they are sent.
 */
package org.edgeai.plugins.algorithms.decentralized;

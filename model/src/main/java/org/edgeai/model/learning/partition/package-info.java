/**
 * Partitions of a training set over the data-holding nodes (iid, dirichlet, shards, by-label; exact
 * rules in ALGORITHMS.md), and the Marsaglia–Tsang Gamma sampler behind the Dirichlet draws.
 */
package org.edgeai.model.learning.partition;

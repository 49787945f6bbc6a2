/**
 * The centralized training algorithms (ALGORITHMS.md "Centralized"), each an
 * {@link org.edgeai.model.engine.AlgorithmProvider} of family {@code CENTRALIZED}: {@code ps-sgd}
 * ({@link org.edgeai.plugins.algorithms.centralized.PsSgdProvider}), {@code fedavg}, {@code fedprox},
 * {@code hier-fedavg}, {@code lag} and {@code zo-sgd}.
 *
 * <p>All share one synchronous server round ({@link org.edgeai.plugins.algorithms.centralized.CentralizedAlgorithm}):
 * the aggregator (parameter {@code server}: a server or cloud node id; by default the first cloud or server node in
 * topology order; hier-fedavg uses every edge server and the cloud) sends its model to the active devices, they
 * compute for the FLOPs the workload states and upload, and the aggregator updates once every participant has
 * answered or the round deadline has passed. The learning state's rows are the devices (RunSetup); its X holds the
 * devices' local models, the aggregator's model is kept apart.
 *
 * <p>Every algorithm takes {@code aggregation} ({@code digital} or {@code over-the-air}) and {@code snrDb}.
 *
 * <p>Metrics of a round: {@code loss} and {@code accuracy} of the aggregator's model (for hier-fedavg the
 * data-weighted mean of the edge servers' models), by {@code LearningState.evaluate}; {@code consensus_error} is
 * NaN: there are no replicas that should agree, so it does not apply. {@code lag} adds {@code skipped_uploads}
 * (cumulative) after these.
 */
package org.edgeai.plugins.algorithms.centralized;

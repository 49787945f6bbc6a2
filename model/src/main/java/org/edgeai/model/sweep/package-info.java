/**
 * Parameter sweeps: an experiment file with a {@code sweep} section ({@code "sweep": { "grid": { "<json.path>":
 * [v1, v2, ...], ... } }}) stands for the cartesian product of its grid, one run per point.
 *
 * <ul>
 *   <li>{@link org.edgeai.model.sweep.SweepSpec}: reads and validates the grid, expands the points (last key
 *       fastest), names them ({@code p003-ring_dsgd_1}) and validates every point's experiment before
 *       anything runs;</li>
 *   <li>{@link org.edgeai.model.sweep.SweepRunner}: runs one shard of the points ({@code --shard I/N}) with J
 *       parallel jobs into {@code DIR/runs/<point-id>/}, skipping complete points (resume), reporting to a
 *       {@link org.edgeai.model.sweep.SweepListener};</li>
 *   <li>{@link org.edgeai.model.sweep.SweepIndex}: rebuilds {@code DIR/index.csv} from the run folders.</li>
 * </ul>
 * No CLI and no UI here: the {@code sweep} command and the GUI both use these classes. The files are described
 * in {@code docs/sweeps.md}.
 */
package org.edgeai.model.sweep;

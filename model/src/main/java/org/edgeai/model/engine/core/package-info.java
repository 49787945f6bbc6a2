/**
 * The kernel: {@link org.edgeai.model.engine.core.Simulator} (clock and event queue),
 * {@link org.edgeai.model.engine.core.EventHandler}, {@link org.edgeai.model.engine.core.MessageKind}, and
 * deterministic randomness ({@link org.edgeai.model.engine.core.SeedStreams},
 * {@link org.edgeai.model.engine.core.Draws}). Depends on nothing else in the engine.
 */
package org.edgeai.model.engine.core;

/**
 * Throughput benchmarks of the engine ({@link org.edgeai.model.engine.bench.EngineBench}), run by the app's
 * {@code bench} command; the caller supplies the clock, since the model never reads it.
 */
package org.edgeai.model.engine.bench;

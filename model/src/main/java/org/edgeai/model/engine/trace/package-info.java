/**
 * What a run leaves behind and shows: {@link org.edgeai.model.engine.trace.TraceSink} (per-hop records and
 * per-round metrics), {@link org.edgeai.model.engine.trace.MessageTraceCsv} ({@code messages.csv} and its
 * SHA-256), {@link org.edgeai.model.engine.trace.TraceSinks#none()} ({@code --trace none}), and the observer
 * records ({@link org.edgeai.model.engine.trace.SimEvent}) with the non-blocking
 * {@link org.edgeai.model.engine.trace.EventBuffer} the GUI drains. Depends on {@code engine.core} only.
 */
package org.edgeai.model.engine.trace;

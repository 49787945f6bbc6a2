/**
 * The network timing model: {@link org.edgeai.model.engine.net.Network} (links, FIFO per direction, latency,
 * store-and-forward routing, processor sharing at capped nodes, link events) and its routing tables.
 * Depends on {@code engine.core} and {@code engine.trace}.
 */
package org.edgeai.model.engine.net;

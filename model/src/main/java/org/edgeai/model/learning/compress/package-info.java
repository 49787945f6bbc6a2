/**
 * Message compression (none, fp16, qsgd, topk with optional error feedback, randk, sign) on plain
 * {@code float[]} slices, with exact bit counts, and the {@code CompressorProvider} SPI that the built-in
 * plugins in {@code org.edgeai.plugins.compressors} implement.
 */
package org.edgeai.model.learning.compress;

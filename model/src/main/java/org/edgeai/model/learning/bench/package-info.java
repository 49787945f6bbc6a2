/** Benchmarks of the learning hot paths, called by the lead's {@code bench} command (wall-clock time is read only here). */
package org.edgeai.model.learning.bench;

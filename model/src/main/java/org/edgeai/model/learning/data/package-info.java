/**
 * Data sets: {@link org.edgeai.model.learning.data.Dataset} (row-major float features, int labels or real
 * targets), the built-in sets of {@link org.edgeai.model.learning.data.Datasets} (the UCI handwritten
 * digits shipped as a resource, and seeded 2-D teaching sets), the CSV reader, and the seeded stratified
 * train/test split with standardization ({@link org.edgeai.model.learning.data.SplitData}).
 */
package org.edgeai.model.learning.data;

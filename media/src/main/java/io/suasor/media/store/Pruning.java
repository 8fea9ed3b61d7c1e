package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;

/**
 * Deletes rows in batches, one short transaction each, so that pruning a large table never holds
 * the (single, on SQLite) writer for long.
 */
final class Pruning {
  private Pruning() {}

  /**
   * Runs {@code deleteBatch} (a DELETE whose parameters are {@code params} and then the batch size)
   * until a batch deletes fewer rows than its size; returns how many rows it deleted in all.
   */
  static long inBatches(
      Database database, String operation, String deleteBatch, int batchSize, Object... params) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
    }
    Object[] bound = java.util.Arrays.copyOf(params, params.length + 1);
    bound[params.length] = batchSize;
    long total = 0;
    int deleted;
    do {
      deleted = database.inTransaction(operation, c -> Jdbc.update(c, deleteBatch, bound));
      total += deleted;
    } while (deleted == batchSize);
    return total;
  }
}

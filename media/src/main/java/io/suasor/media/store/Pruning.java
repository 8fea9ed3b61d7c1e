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
   * Runs {@code deleteBatch} (a DELETE whose parameters are a cutoff and a batch size) until a
   * batch deletes fewer rows than its size; returns how many rows it deleted in all.
   */
  static long inBatches(
      Database database, String operation, String deleteBatch, Object cutoff, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
    }
    long total = 0;
    int deleted;
    do {
      deleted =
          database.inTransaction(operation, c -> Jdbc.update(c, deleteBatch, cutoff, batchSize));
      total += deleted;
    } while (deleted == batchSize);
    return total;
  }
}

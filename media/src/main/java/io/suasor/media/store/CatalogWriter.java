package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemRef;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.MediaType;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes what a sync read from one source: items (found again by reference, external id or match
 * key before a new one is made), their details, references and the owner's watch state, one
 * transaction per batch; and removes the references (and items no other source holds) that
 * disappeared from the source.
 */
public final class CatalogWriter {
  private final Database database;

  public CatalogWriter(Database database) {
    this.database = database;
  }

  /** What one batch changed. */
  public record BatchResult(
      int created,
      int updated,
      int unchanged,
      int refsWritten,
      int dataWritten,
      int playsRecorded,
      int conflicts) {}

  /** What a removal changed. */
  public record RemovalResult(int refsRemoved, int itemsRemoved) {}

  /**
   * Writes a batch of items read from source {@code sourceId}, owned by {@code ownerId}. {@code
   * known} maps ids in the source to item ids (the source's references so far), and is extended
   * with the items this batch writes; an item whose parent is not known is reported and skipped.
   * {@code states} holds the stored references of (at least) the batch's items, with what the
   * source said last time of its owner's data.
   */
  public BatchResult write(
      long sourceId,
      long ownerId,
      List<SourceItem> items,
      Map<String, Long> known,
      Map<String, RefStore.RefState> states,
      ScanProblems problems,
      Instant now) {
    return database.inTransaction(
        "write " + items.size() + " items of source " + sourceId,
        c -> {
          Counter count = new Counter();
          List<ItemRef> refs = new ArrayList<>();
          DetailsBatch details = new DetailsBatch();
          for (SourceItem item : items) {
            Long parent = item.parentId() == null ? null : known.get(item.parentId());
            if (item.parentId() != null && parent == null) {
              problems.report(
                  item.id(), "skipped: its parent " + item.parentId() + " was not synced");
              continue;
            }
            Long series = item.seriesId() == null ? null : known.get(item.seriesId());
            NewItem next =
                new NewItem(item.type(), item.metadata(), parent, series, item.numbering());
            long id = upsert(c, known.get(item.id()), next, details, count, now);
            known.put(item.id(), id);
            RefStore.RefState state = states.get(item.id());
            OwnerData.Reported reported =
                state == null
                    ? OwnerData.Reported.NOTHING
                    : new OwnerData.Reported(
                        state.sourcePlayed(),
                        state.sourceFavorite(),
                        state.syncedAt(),
                        state.sourceFavoriteAt());
            OwnerData.Applied applied =
                OwnerData.apply(c, ownerId, id, sourceId, item.watchState(), reported, now);
            refs.add(
                new ItemRef(
                    sourceId,
                    item.id(),
                    id,
                    item.entry().fingerprint(),
                    now,
                    applied.played(),
                    applied.favorite()));
            count.data += applied.dataWritten();
            count.plays += applied.playsRecorded();
            count.conflicts += applied.conflicts();
          }
          try (PreparedStatement upsert = RefStore.prepareUpsert(c)) {
            for (ItemRef ref : refs) {
              RefStore.add(upsert, ref);
            }
            upsert.executeBatch();
          }
          details.flush(c);
          return new BatchResult(
              count.created,
              count.updated,
              count.unchanged,
              refs.size(),
              count.data,
              count.plays,
              count.conflicts);
        });
  }

  private static long upsert(
      Connection c, Long referenced, NewItem next, DetailsBatch details, Counter count, Instant now)
      throws SQLException {
    Optional<MediaItem> current =
        referenced != null ? ItemStore.load(c, referenced) : match(c, next);
    if (current.isEmpty()) {
      long id = ItemStore.insert(c, next, now);
      details.add(id, next.metadata());
      count.created++;
      return id;
    }
    MediaItem item = current.get();
    if (sameItem(item, next)) {
      count.unchanged++;
    } else {
      ItemStore.updateMetadata(c, item.id(), next, now);
      details.add(item.id(), next.metadata());
      count.updated++;
    }
    return item.id();
  }

  /** The existing item a new entry is: same external id, else same match key. */
  static Optional<MediaItem> match(Connection c, NewItem next) throws SQLException {
    for (Map.Entry<ExternalProvider, String> id : next.metadata().externalIds().entrySet()) {
      Optional<Long> found = ItemStore.findByExternalId(c, next.type(), id.getKey(), id.getValue());
      if (found.isPresent()) {
        return ItemStore.load(c, found.get());
      }
    }
    Optional<Long> found = ItemStore.findByMatchKey(c, next.matchKey());
    return found.isPresent() ? ItemStore.load(c, found.get()) : Optional.empty();
  }

  static boolean sameItem(MediaItem item, NewItem next) {
    return item.type() == next.type()
        && Objects.equals(item.parentId(), next.parentId())
        && Objects.equals(item.seriesId(), next.seriesId())
        && item.numbering().equals(next.numbering())
        && item.matchKey().equals(next.matchKey())
        && Canonical.same(item.metadata(), next.metadata());
  }

  /**
   * Removes references of source {@code sourceId} that it no longer lists, and each item left with
   * no reference from any source. Children go before their parents, a batch per transaction.
   */
  public RemovalResult remove(long sourceId, Map<String, MediaType> gone, int batchSize) {
    List<String> ordered =
        gone.keySet().stream()
            .sorted(
                java.util.Comparator.comparingInt((String id) -> -depth(gone.get(id)))
                    .thenComparing(id -> id))
            .toList();
    int refsRemoved = 0;
    int itemsRemoved = 0;
    for (int from = 0; from < ordered.size(); from += batchSize) {
      List<String> batch = ordered.subList(from, Math.min(ordered.size(), from + batchSize));
      RemovalResult result =
          database.inTransaction(
              "remove " + batch.size() + " references of source " + sourceId,
              c -> removeBatch(c, sourceId, batch));
      refsRemoved += result.refsRemoved();
      itemsRemoved += result.itemsRemoved();
    }
    return new RemovalResult(refsRemoved, itemsRemoved);
  }

  private static RemovalResult removeBatch(Connection c, long sourceId, List<String> batch)
      throws SQLException {
    Set<Long> items = new HashSet<>();
    int refs = 0;
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM item_refs WHERE source_id = ? AND source_item_id = ? RETURNING item_id")) {
      for (String id : batch) {
        Jdbc.bind(delete, sourceId, id);
        try (var rows = delete.executeQuery()) {
          while (rows.next()) {
            items.add(rows.getLong("item_id"));
            refs++;
          }
        }
      }
    }
    int removed = 0;
    for (long itemId : items) {
      removed +=
          Jdbc.update(
              c,
              """
              DELETE FROM media_items
              WHERE id = ? AND NOT EXISTS (SELECT 1 FROM item_refs r WHERE r.item_id = ?)
              """,
              itemId,
              itemId);
    }
    return new RemovalResult(refs, removed);
  }

  /** How deep an item type sits: removals go deepest first. */
  private static int depth(MediaType type) {
    return switch (type) {
      case MOVIE, SERIES, ARTIST -> 0;
      case SEASON, ALBUM -> 1;
      case EPISODE, TRACK -> 2;
    };
  }

  private static final class Counter {
    int created;
    int updated;
    int unchanged;
    int data;
    int plays;
    int conflicts;
  }
}

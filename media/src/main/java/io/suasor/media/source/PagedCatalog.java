package io.suasor.media.source;

import java.time.Instant;
import java.util.List;

/**
 * One kind of library of a media server, which lists items whole, a page at a time. A sync streams
 * it: each page is compared with what is stored and written before the next is asked for, so a
 * library of any size is synced in bounded memory.
 */
public non-sealed interface PagedCatalog extends SourceCatalog {

  /**
   * Lists the catalog, parents before their children over the whole listing (a series before its
   * seasons, a season before its episodes). With {@code changedSince} it lists only what the server
   * says changed after it, metadata or the owner's data (it may list more); without, everything.
   *
   * @return the {@code changedSince} to give the next listing for it to miss nothing changed after
   *     this one began, in the server's own clock
   */
  Instant list(Instant changedSince, ScanProblems problems, Pages pages);

  /** Where a listing hands what it reads. */
  interface Pages {
    /** The listing learned it will hand {@code items} more items than it announced so far. */
    void expect(long items);

    /** One page of items; the sync writes them before this returns. */
    void page(List<SourceItem> items);
  }
}

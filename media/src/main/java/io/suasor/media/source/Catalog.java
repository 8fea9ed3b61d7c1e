package io.suasor.media.source;

import java.util.List;
import java.util.Optional;

/**
 * One kind of library a source holds (its movies, its series, its music), listed cheaply and read
 * item by item, so that a sync reads only what changed.
 */
public non-sealed interface Catalog extends SourceCatalog {

  /** Every entry, parents before their children. Odd entries are reported and left out. */
  List<SourceEntry> entries(ScanProblems problems);

  /** Reads an entry; empty (with a problem reported) when it cannot be made into an item. */
  Optional<SourceItem> read(SourceEntry entry, ScanProblems problems);
}

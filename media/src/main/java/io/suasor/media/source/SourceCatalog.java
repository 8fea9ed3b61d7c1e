package io.suasor.media.source;

import io.suasor.media.model.MediaType;
import java.util.Set;

/**
 * One kind of library a source holds: a {@link Catalog} lists entries cheaply and reads the changed
 * ones (local folders); a {@link PagedCatalog} streams items whole, page by page (media servers).
 */
public sealed interface SourceCatalog permits Catalog, PagedCatalog {
  /** The kinds of item this catalog lists; a sync removes only references of these kinds. */
  Set<MediaType> types();
}

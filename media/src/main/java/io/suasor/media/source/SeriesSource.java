package io.suasor.media.source;

/** Series, their seasons and episodes. */
public interface SeriesSource extends SourceClient {
  SourceCatalog series();
}

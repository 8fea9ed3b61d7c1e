package io.suasor.media.source;

/** Artists, their albums and tracks. */
public interface MusicSource extends SourceClient {
  SourceCatalog music();
}

package io.suasor.media.source;

public interface MovieSource extends SourceClient {
  SourceCatalog movies();
}

package io.suasor.media.source.local;

import io.suasor.media.model.MediaSource;
import io.suasor.media.model.SourceType;
import io.suasor.media.source.SourceClient;
import io.suasor.media.source.SourceClients;
import io.suasor.media.source.UnsupportedSourceException;

/** Opens local folder sources; the media server clients (Jellyfin, Plex, …) are not built yet. */
public final class LocalSourceClients implements SourceClients {
  @Override
  public SourceClient open(MediaSource source) {
    if (source.type() != SourceType.LOCAL) {
      throw new UnsupportedSourceException(
          "no client for " + source.type().value() + " sources yet (source " + source.id() + ")");
    }
    return new LocalFolderSource(source.name(), LocalSourceConfig.parse(source.config()));
  }
}

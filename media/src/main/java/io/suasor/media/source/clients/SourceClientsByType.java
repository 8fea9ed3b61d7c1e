package io.suasor.media.source.clients;

import io.suasor.media.model.MediaSource;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.SourceClient;
import io.suasor.media.source.SourceClients;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.source.jellyfin.JellyfinClient;
import io.suasor.media.source.local.LocalFolderSource;
import io.suasor.media.source.local.LocalSourceConfig;
import io.suasor.media.source.plex.PlexSource;
import io.suasor.media.source.subsonic.SubsonicSource;
import io.suasor.media.store.SourceStore;

/** Opens a client for each kind of source, with the source's (decrypted) secrets. */
public final class SourceClientsByType implements SourceClients {
  private final SourceStore sources;
  private final HttpSettings http;

  public SourceClientsByType(SourceStore sources, HttpSettings http) {
    this.sources = sources;
    this.http = http;
  }

  @Override
  public SourceClient open(MediaSource source) {
    return switch (source.type()) {
      case LOCAL -> new LocalFolderSource(source.name(), LocalSourceConfig.parse(source.config()));
      case JELLYFIN -> JellyfinClient.jellyfin(source.name(), settings(source), http);
      case EMBY -> JellyfinClient.emby(source.name(), settings(source), http);
      case PLEX -> new PlexSource(source.name(), settings(source), http);
      case SUBSONIC -> new SubsonicSource(source.name(), settings(source), http);
    };
  }

  private ServerSourceSettings settings(MediaSource source) {
    return ServerSourceSettings.parse(source.type().value(), source.config(), secrets(source));
  }

  private String secrets(MediaSource source) {
    return sources.secrets(source.id()).orElse(null);
  }
}

package io.suasor.media.source.local;

import io.suasor.media.metadata.MetadataException;
import io.suasor.media.metadata.MetadataFound;
import io.suasor.media.metadata.MetadataProvider;
import io.suasor.media.model.ItemRef;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.SourceType;
import io.suasor.media.store.SourceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Metadata from the Kodi NFO files beside the items of local sources. */
public final class NfoMetadataProvider implements MetadataProvider {
  private final SourceStore sources;
  private final NfoReader reader = new NfoReader();
  private final Map<Long, Optional<LocalSourceConfig>> configs = new HashMap<>();

  public NfoMetadataProvider(SourceStore sources) {
    this.sources = sources;
  }

  @Override
  public String name() {
    return "nfo";
  }

  /** Source settings are cached for one refresh only, so edits to a source are seen next time. */
  @Override
  public synchronized void startRefresh() {
    configs.clear();
  }

  @Override
  public Set<MediaType> types() {
    return Set.of(
        MediaType.MOVIE, MediaType.SERIES, MediaType.EPISODE, MediaType.ARTIST, MediaType.ALBUM);
  }

  @Override
  public Optional<MetadataFound> lookup(MediaItem item, List<ItemRef> refs) {
    for (ItemRef ref : refs) {
      Optional<Path> nfo =
          config(ref.sourceId())
              .flatMap(config -> nfoPath(config, ref.sourceItemId(), item.type()));
      if (nfo.isPresent()) {
        try {
          NfoDocument document = reader.read(nfo.get());
          return Optional.of(
              MetadataFound.of(
                  LocalFiles.metadata(
                      Optional.of(document), item.metadata().title(), item.metadata().year())));
        } catch (NfoException e) {
          throw new MetadataException(ref.sourceItemId() + ": " + e.getMessage());
        }
      }
    }
    return Optional.empty();
  }

  private synchronized Optional<LocalSourceConfig> config(long sourceId) {
    return configs.computeIfAbsent(
        sourceId,
        id ->
            sources
                .byId(id)
                .filter(source -> source.type() == SourceType.LOCAL)
                .map(MediaSource::config)
                .map(LocalSourceConfig::parse));
  }

  /** Where the NFO of an entry of a local source is, if it has one. */
  static Optional<Path> nfoPath(LocalSourceConfig config, String id, MediaType type) {
    Optional<Path> path =
        switch (type) {
          case MOVIE ->
              under(config.movies(), id, MovieCatalog.PREFIX).flatMap(MovieCatalog::nfoOf);
          case SERIES ->
              under(config.series(), id, SeriesCatalog.PREFIX)
                  .map(dir -> dir.resolve("tvshow.nfo"));
          case EPISODE -> under(config.series(), id, SeriesCatalog.PREFIX).map(LocalFiles::sidecar);
          case ARTIST ->
              under(config.music(), id, MusicCatalog.PREFIX).map(dir -> dir.resolve("artist.nfo"));
          case ALBUM ->
              under(config.music(), id, MusicCatalog.PREFIX).map(dir -> dir.resolve("album.nfo"));
          default -> Optional.empty();
        };
    return path.filter(Files::isRegularFile);
  }

  private static Optional<Path> under(Path root, String id, String prefix) {
    if (root == null || !id.startsWith(prefix)) {
      return Optional.empty();
    }
    return Optional.of(root.resolve(id.substring(prefix.length())));
  }
}

package io.suasor.media.source.local;

import io.suasor.media.model.MediaType;
import io.suasor.media.source.Catalog;
import io.suasor.media.source.MovieSource;
import io.suasor.media.source.MusicSource;
import io.suasor.media.source.PlayHistorySource;
import io.suasor.media.source.PlaylistSource;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SeriesSource;
import io.suasor.media.source.SourceCheck;
import io.suasor.media.source.SourceEntry;
import io.suasor.media.source.SourcePlay;
import io.suasor.media.source.SourcePlaylist;
import io.suasor.media.source.UnsupportedSourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A library kept in local folders: movies, series and music in the layouts Jellyfin, Plex and Kodi
 * read, Kodi NFO files for metadata and watch state, and M3U playlists in the music folder.
 */
public final class LocalFolderSource
    implements MovieSource, SeriesSource, MusicSource, PlayHistorySource, PlaylistSource {
  private final String name;
  private final LocalSourceConfig config;
  private final LocalFiles files;

  public LocalFolderSource(String name, LocalSourceConfig config) {
    this.name = name;
    this.config = config;
    this.files = new LocalFiles(new NfoReader());
  }

  @Override
  public String describe() {
    return "local source " + name;
  }

  /** A local source reaches its folders: each configured one must exist and be readable. */
  @Override
  public SourceCheck check() {
    List<SourceCheck.Library> libraries = new ArrayList<>();
    library(libraries, "movies", config.movies());
    library(libraries, "series", config.series());
    library(libraries, "music", config.music());
    return new SourceCheck(name, "Local folders", "", List.of(), libraries);
  }

  private static void library(List<SourceCheck.Library> libraries, String kind, Path folder) {
    if (folder == null) {
      return;
    }
    if (!Files.isDirectory(folder)) {
      throw new UnsupportedSourceException(
          "the "
              + kind
              + " folder "
              + folder
              + " does not exist (or is not mounted) on the server");
    }
    if (!Files.isReadable(folder)) {
      throw new UnsupportedSourceException(
          "the "
              + kind
              + " folder "
              + folder
              + " is not readable by the server; change its"
              + " permissions");
    }
    libraries.add(new SourceCheck.Library(folder.toString(), folder.toString(), kind, true));
  }

  @Override
  public Catalog movies() {
    return new MovieCatalog(config.movies(), files);
  }

  @Override
  public Catalog series() {
    return new SeriesCatalog(config.series(), files);
  }

  @Override
  public Catalog music() {
    return new MusicCatalog(config.music(), files);
  }

  /** The NFO files the catalogs read hold the watch state. */
  @Override
  public boolean historyInCatalogs() {
    return true;
  }

  /**
   * Kodi keeps the last play and a play count in each movie's and episode's NFO; this reads them
   * all again, for a sync of type history.
   */
  @Override
  public List<SourcePlay> playHistory(ScanProblems problems) {
    List<SourcePlay> plays = new ArrayList<>();
    if (config.movies() != null) {
      for (SourceEntry entry : movies().entries(problems)) {
        Path video = config.movies().resolve(entry.id().substring(MovieCatalog.PREFIX.length()));
        MovieCatalog.nfoOf(video)
            .flatMap(nfo -> files.nfo(nfo, entry.id(), problems))
            .flatMap(nfo -> play(entry.id(), nfo))
            .ifPresent(plays::add);
      }
    }
    if (config.series() != null) {
      for (SourceEntry entry : series().entries(problems)) {
        if (entry.type() == MediaType.EPISODE) {
          Path video = config.series().resolve(entry.id().substring(SeriesCatalog.PREFIX.length()));
          files
              .nfo(LocalFiles.sidecar(video), entry.id(), problems)
              .flatMap(nfo -> play(entry.id(), nfo))
              .ifPresent(plays::add);
        }
      }
    }
    return plays;
  }

  private static Optional<SourcePlay> play(String id, NfoDocument nfo) {
    if (nfo.watchState() == null || nfo.watchState().lastPlayed() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new SourcePlay(
            id,
            nfo.watchState().lastPlayed(),
            nfo.watchState().playCount(),
            nfo.watchState().watched() ? 100 : 0));
  }

  /** M3U/M3U8 files anywhere in the music folder, their lines relative to the playlist file. */
  @Override
  public List<SourcePlaylist> playlists(ScanProblems problems) {
    if (config.music() == null) {
      return List.of();
    }
    Path root = config.music();
    List<SourcePlaylist> playlists = new ArrayList<>();
    for (FolderScan.FileInfo file : FolderScan.of(root).files()) {
      String extension = NameParser.extension(file.name());
      if (!extension.equals("m3u") && !extension.equals("m3u8")) {
        continue;
      }
      List<String> items = new ArrayList<>();
      try {
        for (String line : Files.readAllLines(file.path(), StandardCharsets.UTF_8)) {
          String trimmed = line.strip();
          if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            continue;
          }
          Path target = file.path().resolveSibling(trimmed).normalize();
          if (target.startsWith(root) && LocalFiles.isAudio(target.getFileName().toString())) {
            items.add(MusicCatalog.PREFIX + root.relativize(target).toString().replace('\\', '/'));
          } else {
            problems.report(
                MusicCatalog.PREFIX + file.relative(), "not a track of the library: " + trimmed);
          }
        }
      } catch (IOException e) {
        problems.report(MusicCatalog.PREFIX + file.relative(), "unreadable playlist: " + e);
        continue;
      }
      playlists.add(
          new SourcePlaylist(
              MusicCatalog.PREFIX + file.relative(), NameParser.baseName(file.name()), items));
    }
    return playlists;
  }
}

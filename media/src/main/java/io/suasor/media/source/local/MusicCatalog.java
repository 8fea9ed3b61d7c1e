package io.suasor.media.source.local;

import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.source.Catalog;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceEntry;
import io.suasor.media.source.SourceItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Music laid out as {@code Artist/Album/01 - Title.flac}, described by the files' tags where they
 * have readable ones, else by the names; {@code artist.nfo} and {@code album.nfo} are read when
 * present.
 */
final class MusicCatalog implements Catalog {
  static final String PREFIX = "music/";

  private final Path root;
  private final LocalFiles files;

  MusicCatalog(Path root, LocalFiles files) {
    this.root = root;
    this.files = files;
  }

  @Override
  public Set<MediaType> types() {
    return Set.of(MediaType.ARTIST, MediaType.ALBUM, MediaType.TRACK);
  }

  @Override
  public List<SourceEntry> entries(ScanProblems problems) {
    if (root == null) {
      return List.of();
    }
    FolderScan scan = FolderScan.of(root);
    Map<String, Set<String>> albumsByArtist = new LinkedHashMap<>();
    List<SourceEntry> tracks = new ArrayList<>();
    for (FolderScan.FileInfo file : scan.files()) {
      if (!LocalFiles.isAudio(file.name())) {
        continue;
      }
      List<String> folders = file.folders();
      if (folders.size() < 2) {
        problems.report(
            PREFIX + file.relative(), "odd name: a track outside an Artist/Album folder");
        continue;
      }
      String artist = folders.get(0);
      String album = artist + "/" + folders.get(1);
      albumsByArtist.computeIfAbsent(artist, a -> new LinkedHashSet<>()).add(album);
      tracks.add(
          new SourceEntry(
              PREFIX + file.relative(), MediaType.TRACK, PREFIX + album, file.fingerprint()));
    }
    List<SourceEntry> entries = new ArrayList<>();
    albumsByArtist
        .keySet()
        .forEach(
            artist ->
                entries.add(
                    new SourceEntry(
                        PREFIX + artist,
                        MediaType.ARTIST,
                        null,
                        scan.sidecarFingerprint(root.resolve(artist).resolve("artist.nfo")))));
    albumsByArtist.forEach(
        (artist, albums) ->
            albums.forEach(
                album ->
                    entries.add(
                        new SourceEntry(
                            PREFIX + album,
                            MediaType.ALBUM,
                            PREFIX + artist,
                            scan.sidecarFingerprint(root.resolve(album).resolve("album.nfo"))))));
    entries.addAll(tracks);
    return entries;
  }

  @Override
  public Optional<SourceItem> read(SourceEntry entry, ScanProblems problems) {
    String relative = entry.id().substring(PREFIX.length());
    Path path = root.resolve(relative);
    return switch (entry.type()) {
      case ARTIST -> Optional.of(folderItem(entry, path.resolve("artist.nfo"), relative, problems));
      case ALBUM -> Optional.of(folderItem(entry, path.resolve("album.nfo"), relative, problems));
      case TRACK -> Optional.of(track(entry, path, problems));
      default -> throw new IllegalArgumentException("not a music entry: " + entry);
    };
  }

  private SourceItem folderItem(
      SourceEntry entry, Path nfoPath, String relative, ScanProblems problems) {
    String folder = relative.substring(relative.lastIndexOf('/') + 1);
    NameParser.TitleYear name =
        entry.type() == MediaType.ALBUM
            ? NameParser.titleYear(folder)
            : new NameParser.TitleYear(folder, null);
    Optional<NfoDocument> nfo =
        files.nfo(nfoPath, PREFIX + relative + "/" + nfoPath.getFileName(), problems);
    return new SourceItem(
        entry, LocalFiles.metadata(nfo, name.title(), name.year()), Numbering.NONE, null, null);
  }

  private SourceItem track(SourceEntry entry, Path file, ScanProblems problems) {
    String base = NameParser.baseName(file.getFileName().toString());
    Optional<NameParser.TrackName> name = NameParser.track(base);
    Optional<AudioTags.Tags> tags = tags(entry, file, problems);
    if (name.isEmpty() && tags.map(AudioTags.Tags::title).isEmpty()) {
      problems.report(entry.id(), "odd name: no \"01 - Title\" track number and no tags");
    }
    String title =
        tags.map(AudioTags.Tags::title).orElse(name.map(NameParser.TrackName::title).orElse(base));
    Integer track =
        tags.map(AudioTags.Tags::track).orElse(name.map(NameParser.TrackName::track).orElse(null));
    Integer disc =
        tags.map(AudioTags.Tags::disc).orElse(name.map(NameParser.TrackName::disc).orElse(null));
    ItemMetadata metadata = ItemMetadata.titled(title, tags.map(AudioTags.Tags::year).orElse(null));
    Map<ExternalProvider, String> ids = new LinkedHashMap<>();
    tags.map(AudioTags.Tags::musicBrainzTrackId)
        .ifPresent(id -> ids.put(ExternalProvider.MUSICBRAINZ, id));
    List<String> genres = tags.map(AudioTags.Tags::genre).map(List::of).orElse(List.<String>of());
    metadata =
        LocalFiles.withExtras(
            metadata, ids, genres, tags.map(AudioTags.Tags::durationSeconds).orElse(null));
    return new SourceItem(entry, metadata, Numbering.track(disc, track), null, null);
  }

  /** The file's tags; none for an empty file (a placeholder without audio), reported if broken. */
  private static Optional<AudioTags.Tags> tags(
      SourceEntry entry, Path file, ScanProblems problems) {
    try {
      if (Files.size(file) == 0) {
        return Optional.empty();
      }
      return AudioTags.read(file);
    } catch (Exception e) {
      // jaudiotagger signals unreadable audio with several unrelated checked exceptions.
      problems.report(entry.id(), "unreadable tags, names used instead: " + e.getMessage());
      return Optional.empty();
    }
  }
}

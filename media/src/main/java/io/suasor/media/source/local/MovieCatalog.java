package io.suasor.media.source.local;

import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.source.Catalog;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceEntry;
import io.suasor.media.source.SourceItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Movies laid out as {@code Title (Year)/Title (Year).mkv}, described by {@code Title (Year).nfo}
 * or {@code movie.nfo} beside the file.
 */
final class MovieCatalog implements Catalog {
  static final String PREFIX = "movies/";

  private final Path root;
  private final LocalFiles files;

  MovieCatalog(Path root, LocalFiles files) {
    this.root = root;
    this.files = files;
  }

  @Override
  public Set<MediaType> types() {
    return Set.of(MediaType.MOVIE);
  }

  @Override
  public List<SourceEntry> entries(ScanProblems problems) {
    if (root == null) {
      return List.of();
    }
    FolderScan scan = FolderScan.of(root);
    List<SourceEntry> entries = new ArrayList<>();
    for (FolderScan.FileInfo file : scan.files()) {
      if (LocalFiles.isVideo(file.name())) {
        String nfo =
            scan.get(LocalFiles.sidecar(file.path()))
                .or(() -> scan.get(file.path().resolveSibling("movie.nfo")))
                .map(FolderScan.FileInfo::fingerprint)
                .orElse("-");
        entries.add(
            new SourceEntry(
                PREFIX + file.relative(), MediaType.MOVIE, null, file.fingerprint() + "|" + nfo));
      }
    }
    return entries;
  }

  @Override
  public Optional<SourceItem> read(SourceEntry entry, ScanProblems problems) {
    Path video = root.resolve(entry.id().substring(PREFIX.length()));
    NameParser.TitleYear name =
        NameParser.titleYear(NameParser.baseName(video.getFileName().toString()));
    if (name.year() == null && video.getParent() != null && !video.getParent().equals(root)) {
      NameParser.TitleYear folder =
          NameParser.titleYear(video.getParent().getFileName().toString());
      if (folder.year() != null) {
        name = folder;
      }
    }
    Optional<Path> nfoPath = nfoOf(video);
    Optional<NfoDocument> nfo =
        files.nfo(nfoPath.orElse(null), PREFIX + root.relativize(nfoPath.orElse(video)), problems);
    if (name.year() == null && nfo.map(NfoDocument::effectiveYear).isEmpty()) {
      problems.report(entry.id(), "odd name: no \"(year)\" in the file or folder name");
    }
    return Optional.of(
        new SourceItem(
            entry,
            LocalFiles.metadata(nfo, name.title(), name.year()),
            Numbering.NONE,
            null,
            nfo.map(NfoDocument::watchState).orElse(null)));
  }

  /** "Title (Year).nfo" beside the file, else "movie.nfo" in its folder. */
  static Optional<Path> nfoOf(Path video) {
    Path sidecar = LocalFiles.sidecar(video);
    if (Files.isRegularFile(sidecar)) {
      return Optional.of(sidecar);
    }
    Path movieNfo = video.resolveSibling("movie.nfo");
    return Files.isRegularFile(movieNfo) ? Optional.of(movieNfo) : Optional.empty();
  }
}

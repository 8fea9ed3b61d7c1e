package io.suasor.media.source.local;

import io.suasor.media.model.ItemMetadata;
import io.suasor.media.source.ScanProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the local catalogs share: file kinds, sidecar NFOs, and metadata from NFO over names. */
final class LocalFiles {
  static final Set<String> VIDEO = Set.of("mkv", "mp4", "avi", "m4v", "mov", "wmv", "ts", "webm");
  static final Set<String> AUDIO = Set.of("flac", "mp3", "m4a", "ogg");

  private final NfoReader nfoReader;

  LocalFiles(NfoReader nfoReader) {
    this.nfoReader = nfoReader;
  }

  static boolean isVideo(String fileName) {
    return VIDEO.contains(NameParser.extension(fileName));
  }

  static boolean isAudio(String fileName) {
    return AUDIO.contains(NameParser.extension(fileName));
  }

  /** The sidecar NFO of a media file: "name.nfo" beside it. */
  static Path sidecar(Path mediaFile) {
    String base = NameParser.baseName(mediaFile.getFileName().toString());
    return mediaFile.resolveSibling(base + ".nfo");
  }

  /** Reads an NFO if it exists; a malformed one is reported under {@code reportAs} and skipped. */
  Optional<NfoDocument> nfo(Path file, String reportAs, ScanProblems problems) {
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(nfoReader.read(file));
    } catch (NfoException e) {
      problems.report(reportAs, "malformed NFO, names used instead: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The NFO's metadata where it has any, else what the names say. */
  static ItemMetadata metadata(Optional<NfoDocument> nfo, String nameTitle, Integer nameYear) {
    if (nfo.isEmpty()) {
      return ItemMetadata.titled(nameTitle, nameYear);
    }
    NfoDocument d = nfo.get();
    Integer year = d.effectiveYear() != null ? d.effectiveYear() : nameYear;
    return new ItemMetadata(
        d.title() != null ? d.title() : nameTitle,
        d.originalTitle(),
        d.sortTitle(),
        year,
        d.premiered(),
        d.plot(),
        d.studio(),
        d.rating(),
        d.runtimeMinutes() == null ? null : d.runtimeMinutes() * 60,
        d.uniqueIds(),
        d.genres(),
        d.tags(),
        d.credits());
  }

  static ItemMetadata withExtras(
      ItemMetadata base,
      Map<io.suasor.media.model.ExternalProvider, String> ids,
      List<String> genres,
      Integer durationSeconds) {
    return new ItemMetadata(
        base.title(),
        base.originalTitle(),
        base.sortTitle(),
        base.year(),
        base.premiered(),
        base.overview(),
        base.studio(),
        base.rating(),
        durationSeconds != null ? durationSeconds : base.durationSeconds(),
        ids.isEmpty() ? base.externalIds() : ids,
        genres.isEmpty() ? base.genres() : genres,
        base.tags(),
        base.credits());
  }
}

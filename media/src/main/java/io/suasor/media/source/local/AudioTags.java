package io.suasor.media.source.local;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;

/** Reads the tags of an audio file (ID3, Vorbis comments, MP4 atoms) through jaudiotagger. */
final class AudioTags {
  /** jaudiotagger logs every oddity of every file at INFO; a library scan is no place for that. */
  private static final Logger JAUDIOTAGGER = Logger.getLogger("org.jaudiotagger");

  static {
    JAUDIOTAGGER.setLevel(Level.OFF);
  }

  private AudioTags() {}

  record Tags(
      String title,
      String artist,
      String album,
      Integer track,
      Integer disc,
      Integer year,
      String genre,
      String musicBrainzTrackId,
      Integer durationSeconds) {}

  /** The file's tags; empty when it has none, throws when it cannot be read as audio. */
  static Optional<Tags> read(Path file) throws Exception {
    AudioFile audio = AudioFileIO.read(file.toFile());
    Tag tag = audio.getTag();
    Integer duration =
        audio.getAudioHeader() == null ? null : audio.getAudioHeader().getTrackLength();
    if (tag == null || tag.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Tags(
            text(tag, FieldKey.TITLE),
            text(tag, FieldKey.ARTIST),
            text(tag, FieldKey.ALBUM),
            number(text(tag, FieldKey.TRACK)),
            number(text(tag, FieldKey.DISC_NO)),
            number(yearOf(text(tag, FieldKey.YEAR))),
            text(tag, FieldKey.GENRE),
            text(tag, FieldKey.MUSICBRAINZ_TRACK_ID),
            duration == null || duration <= 0 ? null : duration));
  }

  private static String text(Tag tag, FieldKey key) {
    try {
      String value = tag.getFirst(key);
      return value == null || value.isBlank() ? null : value.strip();
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      // Some tag formats have no such field at all.
      return null;
    }
  }

  private static String yearOf(String date) {
    return date == null || date.length() < 4 ? null : date.substring(0, 4);
  }

  /** "3" or "3/12" → 3. */
  private static Integer number(String value) {
    if (value == null) {
      return null;
    }
    int slash = value.indexOf('/');
    return NfoReader.integer(slash < 0 ? value : value.substring(0, slash));
  }
}

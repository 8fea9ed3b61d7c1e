package io.suasor.media.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;

/**
 * The small music library a {@link SupysonicServer} serves: MP3 files of a one-second tone made by
 * sox, laid out as {@code Artist/Album/disc-track Title.mp3} and tagged with jaudiotagger.
 */
public final class SupysonicLibrary {
  /** One song, as its tags say. */
  public record Song(
      String artist, String album, int year, String genre, int disc, int track, String title) {}

  /** Two artists, three albums (one of two discs), five songs. */
  public static final List<Song> SONGS =
      List.of(
          new Song("The Sine Waves", "First Light", 2001, "Rock", 1, 1, "Dawn"),
          new Song("The Sine Waves", "First Light", 2001, "Rock", 1, 2, "Morning"),
          new Song("The Sine Waves", "Second Wind", 2005, "Jazz", 1, 1, "Gust"),
          new Song("The Sine Waves", "Second Wind", 2005, "Jazz", 2, 1, "Breeze"),
          new Song("Square Root", "Roots", 1999, "Pop", 1, 1, "Radical"));

  static {
    Logger.getLogger("org.jaudiotagger").setLevel(Level.OFF);
  }

  private final Path root;
  private final Path tone;

  private SupysonicLibrary(Path root, Path tone) {
    this.root = root;
    this.tone = tone;
  }

  /** Writes the songs into {@code folder}/music, with the tone they copy beside it. */
  static SupysonicLibrary write(Path folder) throws IOException, InterruptedException {
    Path tone = folder.resolve("tone.mp3");
    Commands.run(
        folder,
        "sox",
        "-n",
        "-r",
        "44100",
        "-c",
        "2",
        tone.toString(),
        "synth",
        "1",
        "sine",
        "440");
    SupysonicLibrary library = new SupysonicLibrary(folder.resolve("music"), tone);
    for (Song song : SONGS) {
      library.add(song);
    }
    return library;
  }

  Path root() {
    return root;
  }

  /** Writes one more song file. */
  void add(Song song) throws IOException {
    Path file =
        root.resolve(song.artist())
            .resolve(song.album())
            .resolve(song.disc() + "-" + song.track() + " " + song.title() + ".mp3");
    Files.createDirectories(file.getParent());
    Files.copy(tone, file);
    try {
      AudioFile audio = AudioFileIO.read(file.toFile());
      Tag tag = audio.getTagOrCreateAndSetDefault();
      tag.setField(FieldKey.ARTIST, song.artist());
      tag.setField(FieldKey.ALBUM_ARTIST, song.artist());
      tag.setField(FieldKey.ALBUM, song.album());
      tag.setField(FieldKey.TITLE, song.title());
      tag.setField(FieldKey.YEAR, String.valueOf(song.year()));
      tag.setField(FieldKey.GENRE, song.genre());
      tag.setField(FieldKey.DISC_NO, String.valueOf(song.disc()));
      tag.setField(FieldKey.TRACK, String.valueOf(song.track()));
      audio.commit();
    } catch (Exception e) {
      // jaudiotagger reports a file it cannot tag with several unrelated checked exceptions.
      throw new IOException("cannot tag " + file + ": " + e, e);
    }
  }
}

package io.suasor.media.source.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.MediaType;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceEntry;
import io.suasor.media.source.SourceItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tracks are described by their tags where they have them, else by their names. */
class AudioTagsTest {
  @TempDir Path temp;

  @Test
  void tagsWinOverTheFileName() throws Exception {
    Path album = Files.createDirectories(temp.resolve("Artist/Album (1999)"));
    Path mp3 = silentMp3(album.resolve("01 - Wrong Title.mp3"));
    AudioFile audio = AudioFileIO.read(mp3.toFile());
    Tag tag = audio.getTagOrCreateAndSetDefault();
    tag.setField(FieldKey.TITLE, "Right Title");
    tag.setField(FieldKey.TRACK, "7");
    tag.setField(FieldKey.DISC_NO, "2");
    tag.setField(FieldKey.YEAR, "1999");
    tag.setField(FieldKey.GENRE, "Jazz");
    tag.setField(FieldKey.MUSICBRAINZ_TRACK_ID, "4a5b6c7d-0000-1111-2222-333344445555");
    audio.commit();

    ScanProblems problems = new ScanProblems();
    SourceItem track = read(mp3, problems);

    assertThat(problems.list()).isEmpty();
    assertThat(track.metadata().title()).isEqualTo("Right Title");
    assertThat(track.numbering().track()).isEqualTo(7);
    assertThat(track.numbering().disc()).isEqualTo(2);
    assertThat(track.metadata().year()).isEqualTo(1999);
    assertThat(track.metadata().genres()).containsExactly("Jazz");
    assertThat(track.metadata().externalIds())
        .containsEntry(ExternalProvider.MUSICBRAINZ, "4a5b6c7d-0000-1111-2222-333344445555");
  }

  @Test
  void unreadableAudioFallsBackToTheNameAndIsReported() throws IOException {
    Path album = Files.createDirectories(temp.resolve("Artist/Album"));
    Path broken = Files.writeString(album.resolve("03 - Named Title.flac"), "not audio at all");
    ScanProblems problems = new ScanProblems();

    SourceItem track = read(broken, problems);

    assertThat(track.metadata().title()).isEqualTo("Named Title");
    assertThat(track.numbering().track()).isEqualTo(3);
    assertThat(problems.list())
        .singleElement()
        .satisfies(p -> assertThat(p.problem()).contains("unreadable tags"));
  }

  private SourceItem read(Path file, ScanProblems problems) {
    MusicCatalog catalog = new MusicCatalog(temp, new LocalFiles(new NfoReader()));
    String id = MusicCatalog.PREFIX + temp.relativize(file).toString().replace('\\', '/');
    return catalog.read(new SourceEntry(id, MediaType.TRACK, null, "-"), problems).orElseThrow();
  }

  /** Twenty silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz): enough for a tagger. */
  private static Path silentMp3(Path file) throws IOException {
    int frameLength = 417;
    byte[] bytes = new byte[frameLength * 20];
    for (int frame = 0; frame < 20; frame++) {
      int at = frame * frameLength;
      bytes[at] = (byte) 0xFF;
      bytes[at + 1] = (byte) 0xFB;
      bytes[at + 2] = (byte) 0x90;
      bytes[at + 3] = (byte) 0x64;
    }
    return Files.write(file, bytes);
  }
}

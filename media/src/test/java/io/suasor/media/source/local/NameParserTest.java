package io.suasor.media.source.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameParserTest {
  @Test
  void readsTitlesAndYears() {
    assertThat(NameParser.titleYear("The Silent Harbor (2001)"))
        .isEqualTo(new NameParser.TitleYear("The Silent Harbor", 2001));
    assertThat(NameParser.titleYear("Blade_Runner (1982) [1080p]"))
        .isEqualTo(new NameParser.TitleYear("Blade Runner", 1982));
    assertThat(NameParser.titleYear("Home Video"))
        .isEqualTo(new NameParser.TitleYear("Home Video", null));
  }

  @Test
  void readsEpisodeNumbersInBothUsualForms() {
    assertThat(NameParser.episode("Show S01E02 - Pilot.mkv"))
        .contains(new NameParser.EpisodeNumber(1, 2));
    assertThat(NameParser.episode("show.s10e112.mkv"))
        .contains(new NameParser.EpisodeNumber(10, 112));
    assertThat(NameParser.episode("Show 3x04.mkv")).contains(new NameParser.EpisodeNumber(3, 4));
    assertThat(NameParser.episode("behind the scenes.mkv")).isEmpty();
  }

  @Test
  void readsTrackNumbersAndDiscs() {
    assertThat(NameParser.track("01 - Intro")).contains(new NameParser.TrackName(null, 1, "Intro"));
    assertThat(NameParser.track("2-07 Outro")).contains(new NameParser.TrackName(2, 7, "Outro"));
    assertThat(NameParser.track("Intro")).isEmpty();
  }
}

package io.suasor.media.source.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ExternalProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NfoReaderTest {
  @TempDir Path temp;
  final NfoReader reader = new NfoReader();

  @Test
  void readsTheKodiMovieFields() throws IOException {
    NfoDocument nfo =
        read(
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <movie>
              <title>Heat</title>
              <originaltitle>Heat (original)</originaltitle>
              <premiered>1995-12-15</premiered>
              <plot>Cops &amp; robbers.</plot>
              <genre>Crime</genre><genre>Drama</genre>
              <tag>classic</tag>
              <studio>Warner Bros.</studio>
              <ratings>
                <rating name="tmdb"><value>7.9</value></rating>
                <rating name="imdb" default="true"><value>8.3</value></rating>
              </ratings>
              <runtime>170</runtime>
              <uniqueid type="imdb" default="true">tt0113277</uniqueid>
              <uniqueid type="tmdb">949</uniqueid>
              <actor><name>Al Pacino</name><role>Vincent Hanna</role><order>0</order></actor>
              <director>Michael Mann</director>
              <playcount>2</playcount>
              <lastplayed>2024-03-05 21:15:00</lastplayed>
              <userrating>9</userrating>
            </movie>
            """);

    assertThat(nfo.kind()).isEqualTo("movie");
    assertThat(nfo.title()).isEqualTo("Heat");
    assertThat(nfo.originalTitle()).isEqualTo("Heat (original)");
    assertThat(nfo.effectiveYear()).isEqualTo(1995);
    assertThat(nfo.premiered()).isEqualTo(LocalDate.of(1995, 12, 15));
    assertThat(nfo.plot()).isEqualTo("Cops & robbers.");
    assertThat(nfo.genres()).containsExactly("Crime", "Drama");
    assertThat(nfo.tags()).containsExactly("classic");
    assertThat(nfo.studio()).isEqualTo("Warner Bros.");
    assertThat(nfo.rating()).isEqualTo(8.3);
    assertThat(nfo.runtimeMinutes()).isEqualTo(170);
    assertThat(nfo.uniqueIds())
        .isEqualTo(Map.of(ExternalProvider.IMDB, "tt0113277", ExternalProvider.TMDB, "949"));
    assertThat(nfo.credits())
        .containsExactly(
            new Credit("Al Pacino", CreditRole.ACTOR, "Vincent Hanna", 0),
            new Credit("Michael Mann", CreditRole.DIRECTOR, null, 1));
    assertThat(nfo.watchState().playCount()).isEqualTo(2);
    assertThat(nfo.watchState().watched()).isTrue();
    assertThat(nfo.watchState().lastPlayed()).isEqualTo(Instant.parse("2024-03-05T21:15:00Z"));
    assertThat(nfo.watchState().userRating()).isEqualTo(9.0);
  }

  @Test
  void readsEpisodesAndTheWatchedFlag() throws IOException {
    NfoDocument nfo =
        read(
            "<episodedetails><title>Pilot</title><season>1</season><episode>2</episode>"
                + "<aired>2008-01-20</aired><watched>true</watched></episodedetails>");
    assertThat(nfo.season()).isEqualTo(1);
    assertThat(nfo.episode()).isEqualTo(2);
    assertThat(nfo.effectiveYear()).isEqualTo(2008);
    assertThat(nfo.watchState().playCount()).isEqualTo(1);
  }

  @Test
  void refusesDocumentTypesSoNoExternalEntityIsEverRead() throws IOException {
    Path secret = Files.writeString(temp.resolve("secret.txt"), "top secret");
    Path nfo =
        Files.writeString(
            temp.resolve("evil.nfo"),
            "<?xml version=\"1.0\"?><!DOCTYPE movie [<!ENTITY x SYSTEM \""
                + secret.toUri()
                + "\">]><movie><title>&x;</title></movie>");
    assertThatThrownBy(() -> reader.read(nfo))
        .isInstanceOf(NfoException.class)
        .hasMessageContaining("malformed XML")
        .hasMessageNotContaining("top secret");
  }

  @Test
  void readsCatalogueUrlsAloneOrAfterTheXml() throws IOException {
    assertThat(read("https://www.imdb.com/title/tt0113277/").uniqueIds())
        .containsEntry(ExternalProvider.IMDB, "tt0113277");
    NfoDocument withUrl =
        read("<movie><title>Heat</title></movie>\nhttps://www.themoviedb.org/movie/949-heat");
    assertThat(withUrl.title()).isEqualTo("Heat");
    assertThat(withUrl.uniqueIds()).containsEntry(ExternalProvider.TMDB, "949");
  }

  @Test
  void reportsMalformedAndEmptyFiles() throws IOException {
    assertThatThrownBy(() -> read("<movie><title>Heat</movie>"))
        .isInstanceOf(NfoException.class)
        .hasMessageContaining("malformed XML");
    assertThatThrownBy(() -> read("   ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> read("just some words")).hasMessageContaining("neither XML");
  }

  private NfoDocument read(String text) throws IOException {
    return reader.read(Files.writeString(temp.resolve("test.nfo"), text));
  }
}

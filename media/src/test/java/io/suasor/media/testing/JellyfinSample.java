package io.suasor.media.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A small library put into a {@link JellyfinStandIn}: two users (alice, the administrator, and
 * bob), three libraries, three movies, a series with two seasons of two episodes, an artist with an
 * album of three tracks, alice's plays, rating and favourites, and a playlist.
 *
 * <p>Names to look up with {@link JellyfinStandIn#idOf}: movies "Inception" (played twice,
 * favourite, rated 9), "Arrival" (40 % watched), "Heat"; series "Severance" with seasons "Season
 * 1", "Season 2" and episodes "Good News About Hell" (played), "Half Loop", "Hello, Ms. Cobel",
 * "Goodbye, Mrs. Selvig"; artist "Nina Simone", album "Pastel Blues", tracks "Be My Husband"
 * (favourite), "Nobody Knows You When You're Down and Out", "Sinnerman"; playlist "Evening".
 */
public record JellyfinSample(
    String aliceId, String bobId, String moviesId, String showsId, String musicId) {

  public static final int ITEMS = 3 + 1 + 2 + 4 + 1 + 1 + 3;

  public static JellyfinSample addTo(JellyfinStandIn server) {
    String alice = server.addUser("alice", true);
    String bob = server.addUser("bob", false);
    String movies = server.addLibrary("Movies", "movies");
    String shows = server.addLibrary("Shows", "tvshows");
    String music = server.addLibrary("Music", "music");

    String inception = server.movie(movies, "Inception", 2010);
    server.change(
        inception,
        item -> {
          item.withObjectProperty("ProviderIds").put("Imdb", "tt1375666").put("Tmdb", "27205");
          item.withArrayProperty("Genres").add("Science Fiction").add("Action");
          item.put("CommunityRating", 8.4).put("OriginalTitle", "Inception");
          item.withArrayProperty("Studios")
              .addObject()
              .put("Name", "Legendary Pictures")
              .put("Id", "s1");
          person(item, "Leonardo DiCaprio", "Actor", "Cobb");
          person(item, "Christopher Nolan", "Director", null);
          person(item, "Hans Zimmer", "Composer", null);
        });
    String arrival = server.movie(movies, "Arrival", 2016);
    server.change(arrival, item -> item.withObjectProperty("ProviderIds").put("Imdb", "tt2543164"));
    server.movie(movies, "Heat", 1995);

    String severance = server.series(shows, "Severance", 2022);
    server.change(
        severance,
        item ->
            item.withObjectProperty("ProviderIds").put("Tvdb", "371980").put("Imdb", "tt11280740"));
    String first = server.season(severance, 1);
    String pilot = server.episode(first, 1, "Good News About Hell");
    server.episode(first, 2, "Half Loop");
    String second = server.season(severance, 2);
    server.episode(second, 1, "Hello, Ms. Cobel");
    server.episode(second, 2, "Goodbye, Mrs. Selvig");

    String nina = server.artist(music, "Nina Simone");
    server.change(
        nina,
        item ->
            item.withObjectProperty("ProviderIds")
                .put("MusicBrainzArtist", "af8e4cc5-ef54-458d-a194-7b210acf638f"));
    String album = server.album(nina, "Pastel Blues", 1965);
    server.change(
        album,
        item ->
            item.withObjectProperty("ProviderIds")
                .put("MusicBrainzAlbum", "9e2b2f3c-4d55-4a6e-8f0c-3b1d6b2f4f11")
                .put("MusicBrainzAlbumArtist", "af8e4cc5-ef54-458d-a194-7b210acf638f"));
    String husband = server.track(album, 1, "Be My Husband");
    String nobody = server.track(album, 2, "Nobody Knows You When You're Down and Out");
    String sinnerman = server.track(album, 3, "Sinnerman");
    server.change(
        sinnerman,
        item ->
            item.withObjectProperty("ProviderIds")
                .put("MusicBrainzTrack", "5b1e2c3d-0a9f-4e8d-b7c6-1a2b3c4d5e6f")
                .put("MusicBrainzAlbum", "9e2b2f3c-4d55-4a6e-8f0c-3b1d6b2f4f11"));
    server.playlist("Evening", List.of(sinnerman, husband, nobody));

    server.userData(
        alice,
        inception,
        data ->
            data.put("Played", true)
                .put("PlayCount", 2)
                .put("LastPlayedDate", "2025-02-01T20:00:00.0000000Z")
                .put("IsFavorite", true)
                .put("Rating", 9.0));
    server.userData(
        alice,
        arrival,
        data -> data.put("PlayedPercentage", 40.0).put("PlaybackPositionTicks", 28_800_000_000L));
    server.userData(
        alice,
        pilot,
        data ->
            data.put("Played", true)
                .put("PlayCount", 1)
                .put("LastPlayedDate", "2025-02-10T21:30:00.0000000Z"));
    server.userData(alice, husband, data -> data.put("IsFavorite", true));
    server.userData(bob, inception, data -> data.put("IsFavorite", false).put("Played", false));
    return new JellyfinSample(alice, bob, movies, shows, music);
  }

  private static void person(ObjectNode item, String name, String type, String role) {
    ObjectNode person = item.withArrayProperty("People").addObject().put("Name", name);
    person.put("Id", Integer.toHexString(name.hashCode())).put("Type", type);
    if (role != null) {
      person.put("Role", role);
    }
  }
}

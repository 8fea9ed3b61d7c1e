package io.suasor.media.source.subsonic;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A Subsonic server's music folders (its libraries), and which of them a source syncs. */
final class MusicFolders {
  private final SubsonicApi api;
  private final ServerSourceSettings settings;

  record Folder(String id, String name, boolean included) {}

  MusicFolders(SubsonicApi api, ServerSourceSettings settings) {
    this.api = api;
    this.settings = settings;
  }

  /**
   * Every folder of the server, those the settings include marked; fails, naming the folders, when
   * the settings name libraries and none of them is there.
   */
  List<Folder> all() {
    List<Folder> folders = new ArrayList<>();
    JsonNode answer = api.get("getMusicFolders", Query.of());
    for (JsonNode folder : SubsonicItems.list(answer.path("musicFolders"), "musicFolder")) {
      String id = folder.path("id").asText();
      String name = folder.path("name").asText(id);
      folders.add(new Folder(id, name, settings.includes(id, name)));
    }
    if (!settings.libraries().isEmpty() && folders.stream().noneMatch(Folder::included)) {
      throw new SourceHttpException(
          Problem.BAD_SETTINGS,
          api.http().server().describe()
              + ": none of the libraries "
              + settings.libraries()
              + " in the source's config is a music folder of the server; its folders are "
              + folders.stream().map(f -> f.name() + " (id " + f.id() + ")").toList()
              + ". Name some of them in libraries, or leave libraries out to sync all");
    }
    return folders;
  }

  /**
   * The {@code musicFolderId}s to ask with: the included folders' ids, or a single null (ask
   * without {@code musicFolderId}, for every folder) when the settings name no libraries, which
   * spares a request.
   */
  List<String> scope() {
    if (settings.libraries().isEmpty()) {
      return Collections.singletonList(null);
    }
    return all().stream().filter(Folder::included).map(Folder::id).toList();
  }
}

package io.suasor.media.source;

import java.util.List;

public interface PlaylistSource extends SourceClient {
  List<SourcePlaylist> playlists(ScanProblems problems);
}

package io.suasor.media.source;

import io.suasor.media.model.MediaSource;

/** Opens a client for a stored source; throws {@link UnsupportedSourceException} when it can't. */
public interface SourceClients {
  SourceClient open(MediaSource source);
}

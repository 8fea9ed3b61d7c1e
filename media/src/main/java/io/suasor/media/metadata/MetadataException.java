package io.suasor.media.metadata;

import io.suasor.media.MediaException;

/** A provider could not look an item up (unreadable file, failed request). */
public class MetadataException extends MediaException {
  public MetadataException(String message) {
    super(message);
  }

  /**
   * Whether no later item can succeed either (a refused key), so the refresh should end here with
   * this message rather than count the same failure for every item.
   */
  public boolean endsRefresh() {
    return false;
  }
}

package io.suasor.media.metadata;

import io.suasor.media.MediaException;

/** A provider could not look an item up (unreadable file, failed request). */
public class MetadataException extends MediaException {
  public MetadataException(String message) {
    super(message);
  }
}

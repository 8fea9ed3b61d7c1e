package io.suasor.media.store;

import io.suasor.media.model.User;
import java.util.List;

/** A page of users in id order and the cursor of the next page (the last user's id), or null. */
public record UserPage(List<User> users, Long nextCursor) {
  public UserPage {
    users = List.copyOf(users);
  }
}

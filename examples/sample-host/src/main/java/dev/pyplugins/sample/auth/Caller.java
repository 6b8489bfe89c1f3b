package dev.pyplugins.sample.auth;

import dev.pyplugins.protocol.v1.Session;
import dev.pyplugins.protocol.v1.User;
import java.util.Arrays;

/**
 * Who makes a REST or WebSocket request: the user, their session, and how the token came (a cookie needs
 * the CSRF check on writes; a header cannot be sent by another site).
 */
public record Caller(User user, Session session, boolean viaCookie) {

  public String userId() {
    return user.getId();
  }

  /** Mattermost's system administrator role. */
  public boolean isSystemAdmin() {
    return Arrays.asList(user.getRoles().split(" ")).contains("system_admin");
  }
}

package dev.pyplugins.sample.auth;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Session;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.store.UserStore;
import java.time.Duration;
import java.util.Optional;

/**
 * Logging in and out, and finding the user behind a token, with Mattermost's rules: login by username or
 * e-mail and password, a deactivated user cannot log in and loses their sessions, sessions last 30 days,
 * {@value #MAX_LOGIN_ATTEMPTS} wrong passwords in a row lock the account until its password is set again.
 */
public final class Sessions {
  /** Mattermost's default for web sessions (ServiceSettings.SessionLengthWebInHours = 720). */
  public static final Duration SESSION_LENGTH = Duration.ofDays(30);
  /** Mattermost's ServiceSettings.MaximumLoginAttempts: wrong passwords in a row before the account locks. */
  public static final int MAX_LOGIN_ATTEMPTS = 10;

  private final UserStore users;
  private final Credentials credentials;
  private final SessionStore store;

  public Sessions(UserStore users, Credentials credentials, SessionStore store) {
    this.users = users;
    this.credentials = credentials;
    this.store = store;
  }

  /** A logged-in user and the new session (its token is sent once, in the login's answer). */
  public record Login(User user, Session session) {
  }

  /**
   * Checks the password and opens a session.
   *
   * @throws AppErrorException 401 for an unknown user, a wrong password or a deactivated account
   */
  public Login login(String loginId, String password) {
    Optional<User> user = loginId.contains("@") ? find(() -> users.getByEmail(loginId))
        : find(() -> users.getByUsername(loginId));
    if (user.isPresent() && user.get().getFailedAttempts() >= MAX_LOGIN_ATTEMPTS) {
      throw AppErrorException.of(401, "api.user.check_user_login_attempts.too_many.app_error",
          "Your account is locked because of too many failed password attempts. Please reset your password.");
    }
    if (user.isEmpty() || password.isEmpty() || !credentials.matches(user.get().getId(), password)) {
      user.ifPresent(u -> users.update(u.toBuilder().setFailedAttempts(u.getFailedAttempts() + 1).build()));
      throw AppErrorException.of(401, "api.user.login.invalid_credentials_email_username",
          "Enter a valid email or username and/or password.");
    }
    if (user.get().getFailedAttempts() > 0) {
      users.update(user.get().toBuilder().setFailedAttempts(0).build());
    }
    if (user.get().getDeleteAt() != 0) {
      throw AppErrorException.of(401, "api.user.login.inactive",
          "Login failed because your account has been deactivated. Please contact an administrator.");
    }
    Session session = store.create(user.get().getId(), user.get().getRoles(), SESSION_LENGTH);
    return new Login(user.get(), session);
  }

  /** The caller a token belongs to: a live session of an active user. */
  public Optional<Caller> authenticate(String token, boolean viaCookie) {
    return store.findByToken(token).flatMap(session -> users.find(session.getUserId())
        .filter(user -> user.getDeleteAt() == 0)
        .map(user -> new Caller(user, session, viaCookie)));
  }

  public void logout(Session session) {
    store.revoke(session.getId());
  }

  /** Ends a user's sessions (they were deactivated). */
  public void endAll(String userId) {
    store.revokeAll(userId);
  }

  public Credentials credentials() {
    return credentials;
  }

  private static Optional<User> find(java.util.function.Supplier<User> lookup) {
    try {
      return Optional.of(lookup.get());
    } catch (AppErrorException e) {
      return Optional.empty();
    }
  }
}

package dev.pyplugins.sample.rest;

import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.WebServer;
import dev.pyplugins.sample.api.SampleHostApi;
import dev.pyplugins.sample.auth.Credentials;
import dev.pyplugins.sample.auth.Passwords;
import dev.pyplugins.sample.auth.RequestAuth;
import dev.pyplugins.sample.auth.SessionStore;
import dev.pyplugins.sample.auth.Sessions;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.store.UserStore;
import java.time.Clock;

/** The REST API alone on a free port, over a test database, with a system administrator {@code root}. */
final class RestTestServer {
  static final String ROOT_PASSWORD = "secret-root";

  private RestTestServer() {}

  static WebServer start(SampleHostApi api, Database database, PluginAdmin admin) throws Exception {
    Sessions sessions = new Sessions(new UserStore(database), new Credentials(database, new Passwords()),
        new SessionStore(database, Clock.systemUTC()));
    ServerInfo info = new ServerInfo(SampleHostApi.SERVER_VERSION, "test");
    WebServer server = WebServer.start("127.0.0.1", 0, RestApi.servlet(RestParts.of(api, sessions, database, info),
        new RequestAuth(sessions), admin), null);
    api.directory().createUser(User.newBuilder().setUsername("root").setRoles("system_admin system_user")
        .setPassword(ROOT_PASSWORD).build());
    return server;
  }
}

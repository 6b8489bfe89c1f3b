package dev.pyplugins.sample.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyplugins.sample.auth.Caller;
import dev.pyplugins.sample.auth.Sessions;
import dev.pyplugins.sample.db.Ids;
import dev.pyplugins.sample.rest.MattermostJson;
import dev.pyplugins.sample.rest.ServerInfo;
import java.util.Optional;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;

/**
 * One client's {@code /api/v4/websocket}, speaking Mattermost's protocol: a connection whose upgrade request
 * carried a session (cookie or {@code Authorization} header) is greeted with {@code hello} at once; any other
 * must first send {@code {"action":"authentication_challenge","seq":1,"data":{"token":"..."}}}. Client
 * requests ({@code ping}, {@code user_typing}, {@code presence}, ...) get {@code {"status":"OK","seq_reply":n}}.
 */
@WebSocket
public final class WebSocketEndpoint {
  private final WebSocketHub hub;
  private final Sessions sessions;
  private final ServerInfo server;
  private final String connectionId = Ids.newId();
  private volatile Caller caller;
  private volatile Session session;
  private volatile ClientConnection connection;

  WebSocketEndpoint(WebSocketHub hub, Sessions sessions, ServerInfo server, Optional<Caller> caller) {
    this.hub = hub;
    this.sessions = sessions;
    this.server = server;
    this.caller = caller.orElse(null);
  }

  @OnWebSocketOpen
  public void onOpen(Session session) {
    this.session = session;
    if (caller != null) {
      greet();
    }
  }

  @OnWebSocketMessage
  public void onMessage(String text) {
    JsonNode message;
    try {
      message = MattermostJson.MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      fail(0, "api.web_socket_router.bad_message.app_error", "A WebSocket message must be JSON.");
      return;
    }
    long seq = message.path("seq").asLong(0);
    String action = message.path("action").asText("");
    if (action.equals("authentication_challenge")) {
      authenticate(seq, message.path("data").path("token").asText(""));
    } else if (connection == null) {
      fail(seq, "api.web_socket_router.not_authenticated.app_error", "Authenticate first "
          + "(authentication_challenge with a session token).");
    } else if (action.equals("ping")) {
      ObjectNode pong = MattermostJson.MAPPER.createObjectNode();
      pong.put("text", "pong");
      pong.put("version", server.versionId());
      pong.put("server_time", System.currentTimeMillis());
      pong.put("node_id", "");
      connection.reply(seq, pong);
    } else {
      connection.reply(seq, action.startsWith("get_statuses") ? MattermostJson.MAPPER.createObjectNode() : null);
    }
  }

  @OnWebSocketClose
  public void onClose(int status, String reason) {
    hub.unregister(connectionId);
  }

  private void authenticate(long seq, String token) {
    if (connection != null) {
      connection.reply(seq, null);
      return;
    }
    Optional<Caller> found = sessions.authenticate(token, false);
    if (found.isEmpty()) {
      fail(seq, "api.web_socket_router.bad_token.app_error", "The token opens no session; log in again.");
      return;
    }
    caller = found.get();
    ClientConnection opened = new ClientConnection(connectionId, caller, session);
    opened.reply(seq, null);
    greet(opened);
  }

  private void greet() {
    greet(new ClientConnection(connectionId, caller, session));
  }

  private void greet(ClientConnection opened) {
    ObjectNode hello = MattermostJson.MAPPER.createObjectNode();
    hello.put("server_version", server.versionId());
    hello.put("connection_id", connectionId);
    hello.put("server_hostname", "sample-host");
    ObjectNode broadcast = MattermostJson.MAPPER.createObjectNode();
    broadcast.putNull("omit_users");
    broadcast.put("user_id", caller.userId());
    broadcast.put("channel_id", "");
    broadcast.put("team_id", "");
    broadcast.put("connection_id", "");
    broadcast.put("omit_connection_id", "");
    opened.sendEvent("hello", hello, broadcast);
    connection = opened;
    hub.register(opened);
  }

  private void fail(long seq, String id, String text) {
    ObjectNode message = MattermostJson.MAPPER.createObjectNode();
    message.put("status", "FAIL");
    message.put("seq_reply", seq);
    ObjectNode error = message.putObject("error");
    error.put("id", id);
    error.put("message", text);
    error.put("detailed_error", "");
    error.put("request_id", "");
    error.put("status_code", 401);
    if (session != null && session.isOpen()) {
      session.sendText(MattermostJson.write(message), Callback.NOOP);
    }
  }
}

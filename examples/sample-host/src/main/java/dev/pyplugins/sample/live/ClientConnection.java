package dev.pyplugins.sample.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyplugins.sample.auth.Caller;
import dev.pyplugins.sample.rest.MattermostJson;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client's WebSocket, once authenticated. Events get the connection's next sequence number ({@code seq},
 * from 0 with {@code hello}: @mattermost/client reconnects when one is missing), assigned and queued under
 * one lock so they leave in that order. Thread-safe.
 */
final class ClientConnection {
  private final String id;
  private final Caller caller;
  private final Session session;
  private long seq;

  ClientConnection(String id, Caller caller, Session session) {
    this.id = id;
    this.caller = caller;
    this.session = session;
  }

  String id() {
    return id;
  }

  Caller caller() {
    return caller;
  }

  /** Sends a server event: {@code {event, data, broadcast, seq}}. */
  synchronized void sendEvent(String event, JsonNode data, JsonNode broadcast) {
    ObjectNode message = MattermostJson.MAPPER.createObjectNode();
    message.put("event", event);
    message.set("data", data);
    message.set("broadcast", broadcast);
    message.put("seq", seq++);
    send(message);
  }

  /** Answers a client's request number {@code seqReply}. */
  synchronized void reply(long seqReply, JsonNode data) {
    ObjectNode message = MattermostJson.MAPPER.createObjectNode();
    message.put("status", "OK");
    message.put("seq_reply", seqReply);
    if (data != null) {
      message.set("data", data);
    }
    send(message);
  }

  boolean isOpen() {
    return session.isOpen();
  }

  private void send(ObjectNode message) {
    if (session.isOpen()) {
      session.sendText(MattermostJson.write(message), Callback.NOOP); // queued by Jetty in call order
    }
  }
}

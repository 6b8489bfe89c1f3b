package dev.pyplugins.sample.e2e;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.sample.db.ProtoJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The LLM wire fake ({@code python -m llm_wire_fake}) with the end-to-end tests' scripts: both providers' APIs
 * at {@link #url}, and the log of every model request it answered.
 */
public final class WireFake implements AutoCloseable {
  private final DevServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  private WireFake(DevServer server) {
    this.server = server;
  }

  public static WireFake start(String script) throws Exception {
    return new WireFake(DevServer.start(List.of("-m", "llm_wire_fake", "--script", "scripts/" + script)));
  }

  public String url() {
    return server.url;
  }

  /** Every model request so far, oldest first, as the fake logged it (provider, script, step, api_key, ...). */
  List<Struct> requests() throws IOException, InterruptedException {
    String body = http.send(HttpRequest.newBuilder(URI.create(server.url + "/_fake/requests")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return ProtoJson.merge("{\"values\":" + body + "}", Struct.newBuilder()).build().getFieldsOrThrow("values")
        .getListValue().getValuesList().stream().map(Value::getStructValue).toList();
  }

  /** The requests answered by one script. */
  List<Struct> requests(String script) throws IOException, InterruptedException {
    return requests().stream().filter(r -> r.getFieldsOrThrow("script").getStringValue().equals(script)).toList();
  }

  @Override
  public void close() {
    server.close();
  }
}

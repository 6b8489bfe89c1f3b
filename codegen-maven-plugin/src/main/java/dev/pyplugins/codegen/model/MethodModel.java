package dev.pyplugins.codegen.model;

/**
 * One RPC of a service.
 *
 * @param name the RPC name, such as {@code GetUser}
 * @param service the full name of the service it belongs to
 * @param input the request message
 * @param output the response message
 * @param clientStreaming true when the client sends a stream of requests
 * @param serverStreaming true when the server answers with a stream of responses
 * @param deprecated the {@code deprecated} option
 * @param doc the leading comment
 */
public record MethodModel(
    String name,
    String service,
    MessageModel input,
    MessageModel output,
    boolean clientStreaming,
    boolean serverStreaming,
    boolean deprecated,
    Doc doc) {

  /** The gRPC full method name, {@code package.Service/Method}. */
  public String fullMethodName() {
    return service + "/" + name;
  }
}

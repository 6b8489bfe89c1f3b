package dev.pyplugins.runtime.internal.endpoint;

import dev.pyplugins.runtime.support.PluginCaller;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a call to a plugin's API endpoint only with that plugin's token in {@code authorization: Bearer
 * <token>}, and then attaches the plugin as the {@link PluginCaller}, so {@code PluginApiServer.caller()}
 * names it inside the call. Any other call (no header, another scheme, another plugin's token) is closed
 * with UNAUTHENTICATED before it reaches the API. Thread-safe.
 */
final class CallerAuthenticator implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "Bearer ";
  private static final Logger LOG = LoggerFactory.getLogger(CallerAuthenticator.class);

  private final PluginCaller caller;
  private final ApiToken token;

  CallerAuthenticator(String pluginId, ApiToken token) {
    this.caller = new PluginCaller(pluginId);
    this.token = token;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String authorization = headers.get(AUTHORIZATION);
    boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    if (!bearer || !token.matches(authorization.substring(BEARER.length()).strip())) {
      LOG.warn("refused a call to {} on the API endpoint of plugin {}: {}", call.getMethodDescriptor().getFullMethodName(),
          caller.pluginId(), authorization == null ? "no credential" : "wrong credential");
      call.close(Status.UNAUTHENTICATED.withDescription("this endpoint requires the plugin's API token"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return Contexts.interceptCall(caller.attachTo(Context.current()), call, headers, next);
  }
}

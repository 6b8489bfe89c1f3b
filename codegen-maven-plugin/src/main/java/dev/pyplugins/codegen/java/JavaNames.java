package dev.pyplugins.codegen.java;

import dev.pyplugins.codegen.model.MethodModel;
import dev.pyplugins.codegen.model.ServiceModel;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java identifiers for the RPCs of a service, shared by every generator so the interface, the server and the
 * client agree: {@code GetUser} is the method {@code getUser} and the constant {@code GET_USER}, and grpc-java's
 * stubs hold its descriptor as {@code getGetUserMethod()}. Names that are Java keywords or clash with methods
 * the generated classes inherit get a trailing "_"; two RPCs that would map to one name get distinct ones, in
 * declaration order.
 */
final class JavaNames {

  /**
   * Methods of Object, which an RPC method with no parameters would clash with. Methods of gRPC's stubs and
   * service bases ({@code getChannel()}, {@code bindService()}, {@code withDeadline(..)}) need no renaming:
   * a generated stub or service method always takes a request, so it is a plain overload, and the
   * idiomatic interfaces ({@code PluginApi}, {@code Hooks}) extend nothing.
   */
  private static final Set<String> INHERITED = Set.of("getClass", "hashCode", "equals", "toString", "notify",
      "notifyAll", "wait", "clone", "finalize");

  private final Map<MethodModel, String> methodNames = new LinkedHashMap<>();
  private final Map<MethodModel, String> constantNames = new LinkedHashMap<>();

  private JavaNames(ServiceModel service) {
    Set<String> methods = new HashSet<>(INHERITED);
    Set<String> constants = new HashSet<>();
    for (MethodModel method : service.methods()) {
      methodNames.put(method, unique(lowerCamel(method.name()), methods));
      constantNames.put(method, unique(upperSnake(method.name()), constants));
    }
  }

  static JavaNames of(ServiceModel service) {
    return new JavaNames(service);
  }

  /** The Java method of an RPC, such as {@code getUser}. */
  String method(MethodModel method) {
    return methodNames.get(method);
  }

  /** The RPC in upper snake case, such as {@code GET_USER}, unique in its service. */
  String constant(MethodModel method) {
    return constantNames.get(method);
  }

  /**
   * The getter grpc-java's generator writes for an RPC's descriptor: {@code "get"}, the name with its first
   * letter raised and each {@code _x} turned into {@code X}, then {@code "Method"} ({@code KVSet} gives
   * {@code getKVSetMethod}).
   */
  static String grpcMethodGetter(String rpcName) {
    StringBuilder out = new StringBuilder("get");
    boolean raise = true;
    for (char c : rpcName.toCharArray()) {
      if (c == '_') {
        raise = true;
      } else {
        out.append(raise ? Character.toUpperCase(c) : c);
        raise = false;
      }
    }
    return out.append("Method").toString();
  }

  /** A parameter or local name from a proto field name: {@code user_id} gives {@code userId}. */
  static String parameter(String fieldName) {
    String name = ProtoJavaNames.camelCase(fieldName, false);
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
      name = "_" + name;
    }
    return SourceVersion.isKeyword(name) ? name + "_" : name;
  }

  /**
   * {@code GetUser} to {@code getUser}, {@code KVSet} to {@code kvSet}, {@code ServeHTTP} to
   * {@code serveHTTP}: the leading run of capitals is lowered, except the capital that starts the next word.
   */
  static String lowerCamel(String rpcName) {
    int run = 0;
    while (run < rpcName.length() && Character.isUpperCase(rpcName.charAt(run))) {
      run++;
    }
    if (run == 0) {
      return rpcName;
    }
    boolean nextWordStarts = run > 1 && run < rpcName.length() && Character.isLowerCase(rpcName.charAt(run));
    int lower = nextWordStarts ? run - 1 : run;
    return rpcName.substring(0, lower).toLowerCase(Locale.ROOT) + rpcName.substring(lower);
  }

  /** {@code GetUser} to {@code GET_USER}, {@code KVSet} to {@code KV_SET}, {@code OnSAMLLogin} to {@code ON_SAML_LOGIN}. */
  static String upperSnake(String rpcName) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < rpcName.length(); i++) {
      char c = rpcName.charAt(i);
      boolean wordStart = Character.isUpperCase(c) && i > 0
          && (Character.isLowerCase(rpcName.charAt(i - 1)) || Character.isDigit(rpcName.charAt(i - 1))
              || (i + 1 < rpcName.length() && Character.isLowerCase(rpcName.charAt(i + 1))
                  && Character.isUpperCase(rpcName.charAt(i - 1))));
      if (wordStart && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
      out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return out.toString();
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = SourceVersion.isKeyword(name) || taken.contains(name) ? name + "_" : name;
    while (!taken.add(candidate)) {
      candidate = candidate + "_";
    }
    return candidate;
  }
}

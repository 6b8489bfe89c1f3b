package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.model.FieldKind;
import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.RpcShape;
import dev.pyplugins.codegen.model.RpcSignature;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conveniences of Mattermost's own Python client, kept so code written for it runs unchanged. Each
 * applies only where the protocol has the shape it names, so another protocol gets none of them:
 *
 * <ul>
 *   <li>trailing {@code page} / {@code per_page} integer parameters default to 0 and 100 ({@code kv_list()});
 *   <li>a {@code Permission} parameter also takes the permission's id ({@code has_permission_to_channel(u, c,
 *       "manage_channel_roles")});
 *   <li>a trailing {@code repeated google.protobuf.Value key_value_pairs} also takes keyword arguments
 *       ({@code log_info("saved", user_id=u)}), as Go's {@code LogInfo(msg, keyValuePairs...)};
 *   <li>{@code KVGet} answers None for a missing key rather than {@code b""}, and {@code KVCompareAndSet}
 *       takes None as the old value ("the key must not exist"), so {@code kv_get}'s answer feeds it.
 * </ul>
 */
final class ApiConveniences {

  private static final Map<String, String> PAGING_DEFAULTS = Map.of("page", "0", "per_page", "100");
  static final String ID_MESSAGE = "Permission";
  static final String KEY_VALUE_PAIRS = "key_value_pairs";
  static final String VALUE_TYPE = "google.protobuf.Value";
  static final String KV_GET = "KVGet";
  static final String KV_COMPARE_AND_SET = "KVCompareAndSet";
  /** The keyword-arguments parameter that feeds {@link #KEY_VALUE_PAIRS}. */
  static final String PAIRS = "pairs";

  private ApiConveniences() {}

  /** The Python default of a parameter, when it is one of the trailing paging parameters. */
  static Optional<String> defaultValue(RpcSignature signature, FieldModel parameter) {
    if (signature.shape() == RpcShape.CLIENT_BODY_STREAM) {
      return Optional.empty(); // a required body parameter follows
    }
    List<FieldModel> params = signature.parameters();
    int at = params.indexOf(parameter);
    for (FieldModel p : params.subList(at, params.size())) {
      if (!isPaging(p)) {
        return Optional.empty();
      }
    }
    return Optional.of(PAGING_DEFAULTS.get(parameter.name()));
  }

  /** True for a single {@code Permission} parameter, which may be given as its id. */
  static boolean acceptsId(FieldModel parameter) {
    return parameter.isSingleMessageOf(ID_MESSAGE);
  }

  /** True for a trailing {@code repeated google.protobuf.Value key_value_pairs}, fed by keyword arguments. */
  static boolean takesKeywordPairs(RpcSignature signature, FieldModel parameter) {
    List<FieldModel> params = signature.parameters();
    return signature.shape() == RpcShape.UNARY && params.get(params.size() - 1) == parameter
        && parameter.name().equals(KEY_VALUE_PAIRS) && parameter.isRepeated()
        && parameter.typeName().orElse("").equals(VALUE_TYPE);
  }

  /** True for {@code KVCompareAndSet}'s {@code bytes old_value}, where None means "the key must not exist". */
  static boolean acceptsNone(RpcSignature signature, FieldModel parameter) {
    return signature.method().name().equals(KV_COMPARE_AND_SET) && parameter.name().equals("old_value")
        && parameter.kind() == FieldKind.BYTES && parameter.cardinality() == FieldModel.Cardinality.SINGULAR;
  }

  /** True for {@code KVGet}, whose empty value means the key is missing. */
  static boolean emptyMeansAbsent(RpcSignature signature) {
    return signature.method().name().equals(KV_GET) && signature.results().size() == 1
        && signature.results().get(0).kind() == FieldKind.BYTES
        && signature.results().get(0).cardinality() == FieldModel.Cardinality.SINGULAR;
  }

  private static boolean isPaging(FieldModel p) {
    return PAGING_DEFAULTS.containsKey(p.name()) && p.cardinality() == FieldModel.Cardinality.SINGULAR
        && (p.kind() == FieldKind.INT32 || p.kind() == FieldKind.INT64);
  }
}

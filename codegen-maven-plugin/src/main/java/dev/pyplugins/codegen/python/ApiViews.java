package dev.pyplugins.codegen.python;

import dev.pyplugins.codegen.model.FieldModel;
import dev.pyplugins.codegen.model.MessageModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The views the three API modules (sync client, asyncio client, fake API) share. */
final class ApiViews {

  private ApiViews() {}

  /** One view per API RPC, in declaration order. */
  static List<ApiMethodView> methods(SdkContext sdk, PbModules.Imports imports) {
    return sdk.apiRpcs().stream().map(s -> ApiMethodView.of(s, imports, "self._new_context()")).toList();
  }

  /** The service name, the request-context type and how a client fills it (only the fields the protocol's context has). */
  static Map<String, ?> extra(SdkContext sdk, PbModules.Imports imports) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("service", sdk.api().fullName());
    FieldModel contextField = sdk.apiRpcs().stream().flatMap(s -> s.context().stream()).findFirst().orElse(null);
    if (contextField == null) {
      extra.put("contextType", "None");
      extra.put("contextArguments", "");
      return extra;
    }
    MessageModel context = imports.model().message(contextField.typeName().orElseThrow());
    List<String> args = new ArrayList<>();
    if (context.field("plugin_id").isPresent()) {
      args.add("plugin_id=self._plugin_id");
    }
    if (context.field("request_id").isPresent()) {
      args.add("request_id=_current_request_id()");
    }
    extra.put("contextType", imports.message(context.fullName()));
    extra.put("contextArguments", String.join(", ", args));
    return extra;
  }
}

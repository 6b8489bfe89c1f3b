package dev.pyplugins.codegen;

import dev.pyplugins.codegen.model.ProtocolModel;
import java.util.Map;

/**
 * What every generator gets.
 *
 * @param model the parsed protocol
 * @param options the user's choices
 * @param protocPythonOutput the files {@code protoc --python_out --pyi_out} wrote, by relative path
 *     ({@code mattermost/pluginapi/v1/common_pb2.py}); empty when Python generation is off
 */
public record GenerationContext(
    ProtocolModel model, GenerationOptions options, Map<String, byte[]> protocPythonOutput) {

  public GenerationContext {
    protocPythonOutput = Map.copyOf(protocPythonOutput);
  }
}

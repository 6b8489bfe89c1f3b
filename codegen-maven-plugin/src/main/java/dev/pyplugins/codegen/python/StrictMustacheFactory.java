package dev.pyplugins.codegen.python;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.reflect.Guard;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Mustache for Python source: no HTML escaping, and a key no scope provides is an error instead of an
 * empty string, so a typo in a template cannot silently drop code.
 */
final class StrictMustacheFactory extends DefaultMustacheFactory {

  StrictMustacheFactory(String classpathRoot) {
    super(classpathRoot);
    setObjectHandler(new StrictObjectHandler());
  }

  @Override
  public void encode(String value, Writer writer) {
    try {
      writer.write(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class StrictObjectHandler extends ReflectionObjectHandler {
    @Override
    protected MissingWrapper createMissingWrapper(String name, List<Guard> guards) {
      throw new MustacheException("template key '" + name + "' is not provided by the view model");
    }
  }
}

// The protocol's protos came out of the pyplugins-proto jar, without any unpacking step in the project.
def target = new File(basedir, 'target')
def java = new File(target, 'generated-sources/pyplugins')
def log = new File(basedir, 'build.log').text

assert !new File(basedir, 'src/main/proto').exists()
assert new File(target, 'pyplugins-codegen/proto-artifacts/sources/dev.pyplugins_pyplugins-proto/mattermost/pluginapi/v1/hooks.proto').isFile()
assert new File(java, 'dev/pyplugins/protocol/v1/HookName.java').isFile()
assert new File(java, 'dev/pyplugins/protocol/v1/PluginHooksGrpc.java').isFile()
assert new File(target, 'classes/dev/pyplugins/protocol/v1/PluginApiServer.class').isFile()
assert log =~ /Generated \d+ java files from \d+ \.proto files/ : 'the first build generates'
assert log.contains('Generated files are up to date') : 'the second build is a no-op'
true

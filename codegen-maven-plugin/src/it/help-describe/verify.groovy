// help:describe -Ddetail shows the goal, its default phase and every documented parameter.
def log = new File(basedir, 'build.log').text

assert log.contains('pyplugins:generate')
assert log.contains('generate-sources')
['protoSourceRoots', 'includes', 'excludes', 'importRoots', 'javaOutputDirectory', 'pythonOutputDirectory',
 'wheelOutputDirectory', 'workDirectory', 'javaPackage', 'apiService', 'hooksService', 'apiInterfaceName',
 'hooksInterfaceName', 'hookDeadlineMillis', 'pythonPackage', 'pythonDistributionName', 'pythonVersion',
 'pythonRequiresPython', 'generateJava', 'generatePython', 'protocVersion', 'protocExecutable', 'skip'].each {
  assert log =~ /(?m)^    ${it}(\s|$)/ : "help:describe lacks parameter ${it}"
}
assert log.contains('Default: ${project.basedir}/src/main/proto')
assert log.contains('User property: pyplugins.skip')
assert log.contains('derived from the project version')
true

// The host generated and compiled its own protocol with its own names.
def target = new File(basedir, 'target')
def java = new File(target, 'generated-sources/pyplugins')
def log = new File(basedir, 'build.log').text

assert new File(java, 'com/acme/telemetry/v1/RecordSampleRequest.java').isFile()
assert new File(java, 'com/acme/telemetry/v1/SampleWillBeRecordedResponse.java').isFile()
assert new File(java, '.pyplugins-outputs').isFile()
assert new File(target, 'classes/com/acme/telemetry/v1/RecordSampleRequest.class').isFile()
assert new File(target, 'pyplugins-python/.pyplugins-outputs').isFile()
assert new File(target, 'pyplugins-wheel/.pyplugins-outputs').isFile()
assert log =~ /Generated \d+ java, \d+ python, \d+ wheel files from 2 \.proto files/

// Every parameter reached the generators: the recorded inputs name them.
def inputs = new File(target, 'pyplugins-codegen/inputs.txt').text
['apiService="acme.telemetry.v1.TelemetryHost"', 'hooksService="TelemetryPlugin"',
 'apiInterfaceName="TelemetryApi"', 'hooksInterfaceName="TelemetryHooks"', 'javaPackage="com.acme.telemetry.host"',
 'hookDeadlineMillis=5000', 'packageName="acme_telemetry"', 'distributionName="acme-telemetry"',
 'version="2.5.0.dev0"', 'requiresPython=">=3.11"'].each { assert inputs.contains(it) : "inputs.txt lacks ${it}" }
true

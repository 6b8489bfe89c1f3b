// First build generated, second build found the inputs unchanged, skipped generation, and compiled anyway.
def target = new File(basedir, 'target')
def log = new File(basedir, 'build.log').text

assert (log =~ /Generated \d+ java files from 1 \.proto files/).count == 1
assert (log =~ /Generated files are up to date \(inputs sha256 [0-9a-f]{12}\.\.\.\), nothing to do/).count == 1
assert log.indexOf('Generated files are up to date') > log.indexOf(' java files from 1 .proto files')
assert new File(target, 'classes/com/acme/notes/Note.class').isFile()
true

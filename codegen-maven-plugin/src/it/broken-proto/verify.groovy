// The second build failed on the broken proto, named where, and left the first build's outputs alone.
def target = new File(basedir, 'target')
def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
assert log =~ /acme\/shapes\/shapes\.proto:10:3: "Colour" is not defined\./

def java = new File(target, 'generated-sources/pyplugins')
assert new File(java, 'com/acme/shapes/Circle.java').isFile()
assert new File(java, '.pyplugins-outputs').isFile()
assert !new File(java, 'com/acme/shapes/Colour.java').exists()
assert !new File(java, 'com/acme/shapes/Circle.java').text.contains('Colour')

// No staging or half-swapped directories beside the outputs.
def leftovers = []
[target, new File(target, 'generated-sources')].each { dir ->
  dir.eachFile { if (it.name.contains('.pyplugins-')) leftovers << it }
}
assert leftovers.isEmpty() : "left behind: ${leftovers}"
true

/**
 * Starts pouchdb-server (npm) for the team tests, with one correction to its validation plugin so
 * it behaves as CouchDB does for replicated revisions (`_bulk_docs` with `new_edits: false`, what
 * every push sends). pouchdb-validation 4.2 overwrites the incoming revision's history with the
 * stored document's, so the revision is silently dropped whenever the database has a
 * `validate_doc_update`; and it validates against the current winner, where CouchDB validates a
 * replicated revision against its parent on its own branch. Both are fixed here, in memory, before
 * the server loads the plugin; nothing in node_modules is changed. README: Team mode, proven where.
 */
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const file = require.resolve('pouchdb-validation', { paths: [path.dirname(require.resolve('express-pouchdb/package.json'))] });
let source = fs.readFileSync(file, 'utf8');
const patches = [
  [
    'newDoc._revisions = (oldDoc || {})._revisions;',
    'if (!options.new_edits_false) newDoc._revisions = (oldDoc || {})._revisions;',
  ],
  [
    'var oldDocPromise = oldDoc(db, newDoc._id);',
    `var parent = options.new_edits === false && newDoc._revisions && newDoc._revisions.ids.length > 1
      ? (newDoc._revisions.start - 1) + '-' + newDoc._revisions.ids[1] : null;
    options.new_edits_false = options.new_edits === false;
    var oldDocPromise = parent
      ? db.get(newDoc._id, { rev: parent, revs: true }).catch(function () { return null; })
      : options.new_edits === false && newDoc._revisions ? Promise.resolve(null) : oldDoc(db, newDoc._id);`,
  ],
];
for (const [from, to] of patches) {
  if (!source.includes(from)) throw new Error(`pouchdb-validation has changed: "${from}" not found; review test/couchServer/main.cjs`);
  source = source.replace(from, to);
}
const patched = new Module(file, module);
patched.filename = file;
patched.paths = Module._nodeModulePaths(path.dirname(file));
patched._compile(source, file);
patched.loaded = true;
require.cache[file] = patched;

require('pouchdb-server/lib/index.js');

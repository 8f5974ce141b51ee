import { AUDIENCE_ROLES, personRole, serverRole, type Audience } from '../../../shared/team/audiences';

/**
 * What the server itself enforces, whatever a client sends: the `_security` object (who reads a
 * database at all) and a `validate_doc_update` design document (what each person may write). A
 * rule kept only in the app would hold only while every copy of the app is honest and current.
 */

/** Records that are made once and never changed (docs/ARCHITECTURE.md, ready for team use), and the journal. */
export const WRITE_ONCE_TYPES = ['protocolComment', 'commentResponse', 'signOff', 'actionUpdate', 'decisionReply', 'clearance', 'clearanceRequest', 'registerRound', 'interestReturn', 'journal'] as const;

export const securityObject = (slug: string, audience: Audience) => ({
  // Only server admins change the design documents and the security object itself.
  admins: { names: [] as string[], roles: [] as string[] },
  members: { names: [] as string[], roles: AUDIENCE_ROLES[audience].map((r) => serverRole(slug, r)) },
});

/**
 * The validation function, as CouchDB runs it (JavaScript in the server's own engine: ES5 only).
 * `by` on every revision is the name of the person who wrote it, so the server can trust authorship.
 */
const validateSource = (slug: string, audience: Audience): string => {
  const roles = {
    secretariat: serverRole(slug, 'secretariat'),
    part2: serverRole(slug, 'part2'),
    partner: serverRole(slug, 'partner'),
  };
  return `function (newDoc, oldDoc, userCtx) {
  var roles = userCtx.roles || [];
  function has(role) { return roles.indexOf(role) !== -1; }
  if (has('_admin')) return;
  var writeOnce = ${JSON.stringify(WRITE_ONCE_TYPES)};
  var audience = ${JSON.stringify(audience)};
  var existing = oldDoc && !oldDoc._deleted;
  if (!newDoc._deleted && newDoc.by !== userCtx.name)
    throw({ forbidden: 'Each change must carry the name of the person signed in (' + userCtx.name + ').' });
  if (existing && writeOnce.indexOf(oldDoc.type) !== -1)
    throw({ forbidden: (oldDoc.type === 'journal' ? 'The audit journal' : 'This record (' + oldDoc.type + ')') + ' is written once and is never changed or removed.' });
  if (existing && oldDoc.frozen) {
    // A frozen record's words stay as agreed; only its status may move on (an agreed version superseded).
    var before = oldDoc.record || {}, after = newDoc.record || {}, key, keys = {};
    for (key in before) keys[key] = true;
    for (key in after) keys[key] = true;
    for (key in keys)
      if (['rev', 'updatedAt', 'updatedBy', 'status'].indexOf(key) === -1 && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
        throw({ forbidden: 'This record is frozen (' + oldDoc.frozen + '); a change needs a correction or a new version.' });
    if (JSON.stringify(oldDoc.exempt) !== JSON.stringify(newDoc.exempt))
      throw({ forbidden: 'This record is frozen (' + oldDoc.frozen + '); a change needs a correction or a new version.' });
    if (newDoc._deleted || newDoc.frozen !== oldDoc.frozen)
      throw({ forbidden: 'This record is frozen (' + oldDoc.frozen + ') and stays so.' });
  }
  if (audience === 'partners' && !has(${JSON.stringify(roles.secretariat)})) {
    if (!has(${JSON.stringify(roles.partner)})) throw({ forbidden: 'Only the secretariat and partner reviewers write here.' });
    if (existing || newDoc._deleted) throw({ forbidden: 'A partner reviewer adds comments; they cannot change or remove records.' });
    // Their comments, their own replies to written resolutions and clearances, and the journal entries that record them (one chain per device).
    if (newDoc.type === 'decisionReply') {
      var reply = newDoc.record || {};
      if (reply.via !== 'own' || !has(${JSON.stringify(personRole(slug, ''))} + reply.personId))
        throw({ forbidden: 'A partner reviewer replies to a written resolution for themselves only.' });
      return;
    }
    if (newDoc.type === 'clearance') {
      var given = newDoc.record || {};
      if (given.via !== 'own' || !given.requestId || !given.personId || !has(${JSON.stringify(personRole(slug, ''))} + given.personId))
        throw({ forbidden: 'A clearer clears a paper sent to them, in their own name only.' });
      return;
    }
    if (newDoc.type !== 'protocolComment' && newDoc.type !== 'journal') throw({ forbidden: 'A partner reviewer can add comments on a protocol, reply to a written resolution and clear a paper sent to them, nothing else.' });
    return;
  }
  if (audience === 'part2' && !(has(${JSON.stringify(roles.part2)}) && has(${JSON.stringify(roles.secretariat)})))
    throw({ forbidden: 'Only officers cleared for Part 2 business write its records.' });
  if (audience === 'board' && !has(${JSON.stringify(roles.secretariat)}))
    throw({ forbidden: 'Only the secretariat writes the board records.' });
}`;
};

export const RULES_DESIGN_ID = '_design/quorum';

export const rulesDesignDoc = (slug: string, audience: Audience) => ({
  _id: RULES_DESIGN_ID,
  language: 'javascript',
  validate_doc_update: validateSource(slug, audience),
});

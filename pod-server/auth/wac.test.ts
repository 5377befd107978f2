import { expect } from 'chai';
import { parseAuthorizations } from './acl-documents.ts';
import { AUTHENTICATED_AGENT, FOAF_AGENT, allowedModes, decide, type AccessMode, type Agent, type Authorization, type EffectiveAcl } from './wac.ts';

const POD = 'https://pod.example/alice/';
const DOC = `${POD}doc`;
const ALICE = 'https://pod.example/alice/profile/card#me';
const BOB = 'https://bob.example/profile/card#me';
const GROUP = 'https://pod.example/alice/groups#friends';

const auth = (fields: Partial<Authorization>): Authorization => ({
  id: '#a', agents: [], agentClasses: [], agentGroups: [], origins: [], accessTo: [], defaults: [], modes: [], ...fields,
});
const own = (...authorizations: Authorization[]): EffectiveAcl => ({ aclUrl: `${DOC}.acl`, subjectUrl: DOC, inherited: false, authorizations });
const inherited = (...authorizations: Authorization[]): EffectiveAcl => ({ aclUrl: `${POD}.acl`, subjectUrl: POD, inherited: true, authorizations });

const anonymous: Agent = {};
const alice: Agent = { webId: ALICE };
const bob: Agent = { webId: BOB };

interface Row { name: string; agent: Agent; acl: EffectiveAcl | undefined; mode: AccessMode; allow: boolean; reason: RegExp }

const table: Row[] = [
  { name: 'no ACL at all denies', agent: alice, acl: undefined, mode: 'read', allow: false, reason: /no ACL/ },
  { name: 'public read lets anonymous read', agent: anonymous, acl: own(auth({ agentClasses: [FOAF_AGENT], accessTo: [DOC], modes: ['read'] })), mode: 'read', allow: true, reason: /grants read/ },
  { name: 'public read does not let anonymous write', agent: anonymous, acl: own(auth({ agentClasses: [FOAF_AGENT], accessTo: [DOC], modes: ['read'] })), mode: 'write', allow: false, reason: /no authorization .* grants write/ },
  { name: 'AuthenticatedAgent excludes anonymous', agent: anonymous, acl: own(auth({ agentClasses: [AUTHENTICATED_AGENT], accessTo: [DOC], modes: ['read'] })), mode: 'read', allow: false, reason: /not to anonymous/ },
  { name: 'AuthenticatedAgent includes any WebID', agent: bob, acl: own(auth({ agentClasses: [AUTHENTICATED_AGENT], accessTo: [DOC], modes: ['read'] })), mode: 'read', allow: true, reason: /grants read/ },
  { name: 'acl:agent matches that WebID', agent: alice, acl: own(auth({ agents: [ALICE], accessTo: [DOC], modes: ['read', 'write'] })), mode: 'write', allow: true, reason: /grants write/ },
  { name: 'acl:agent does not match another WebID', agent: bob, acl: own(auth({ agents: [ALICE], accessTo: [DOC], modes: ['read'] })), mode: 'read', allow: false, reason: /not to https:\/\/bob/ },
  { name: 'Write implies Append', agent: alice, acl: own(auth({ agents: [ALICE], accessTo: [DOC], modes: ['write'] })), mode: 'append', allow: true, reason: /grants append/ },
  { name: 'Append does not imply Write', agent: alice, acl: own(auth({ agents: [ALICE], accessTo: [DOC], modes: ['append'] })), mode: 'write', allow: false, reason: /grants write/ },
  { name: 'Write does not imply Control', agent: alice, acl: own(auth({ agents: [ALICE], accessTo: [DOC], modes: ['read', 'write'] })), mode: 'control', allow: false, reason: /grants control/ },
  { name: 'accessTo another resource does not apply', agent: alice, acl: own(auth({ agents: [ALICE], accessTo: [`${POD}other`], modes: ['read'] })), mode: 'read', allow: false, reason: /no acl:accessTo authorization/ },
  { name: 'an inherited ACL uses acl:default', agent: alice, acl: inherited(auth({ agents: [ALICE], defaults: [POD], modes: ['read'] })), mode: 'read', allow: true, reason: /grants read/ },
  { name: 'an inherited ACL ignores acl:accessTo', agent: alice, acl: inherited(auth({ agents: [ALICE], accessTo: [POD], modes: ['read'] })), mode: 'read', allow: false, reason: /no acl:default authorization/ },
  { name: 'an own ACL ignores acl:default', agent: alice, acl: own(auth({ agents: [ALICE], defaults: [DOC], modes: ['read'] })), mode: 'read', allow: false, reason: /no acl:accessTo authorization/ },
  { name: 'group member is allowed', agent: { webId: BOB, groups: new Set([GROUP]) }, acl: own(auth({ agentGroups: [GROUP], accessTo: [DOC], modes: ['read'] })), mode: 'read', allow: true, reason: /grants read/ },
  { name: 'non-member of the group is denied', agent: { webId: BOB, groups: new Set() }, acl: own(auth({ agentGroups: [GROUP], accessTo: [DOC], modes: ['read'] })), mode: 'read', allow: false, reason: /not to https:\/\/bob/ },
  { name: 'acl:origin allows the listed origin', agent: { webId: ALICE, origin: 'https://app.example' }, acl: own(auth({ agents: [ALICE], origins: ['https://app.example'], accessTo: [DOC], modes: ['read'] })), mode: 'read', allow: true, reason: /grants read/ },
  { name: 'acl:origin refuses another origin', agent: { webId: ALICE, origin: 'https://evil.example' }, acl: own(auth({ agents: [ALICE], origins: ['https://app.example'], accessTo: [DOC], modes: ['read'] })), mode: 'read', allow: false, reason: /only from origins https:\/\/app.example/ },
  { name: 'acl:origin refuses a request without Origin', agent: alice, acl: own(auth({ agents: [ALICE], origins: ['https://app.example'], accessTo: [DOC], modes: ['read'] })), mode: 'read', allow: false, reason: /only from origins/ },
  { name: 'a second authorization without origin still applies', agent: { webId: ALICE, origin: 'https://evil.example' }, acl: own(auth({ agents: [ALICE], origins: ['https://app.example'], accessTo: [DOC], modes: ['read'] }), auth({ id: '#b', agents: [ALICE], accessTo: [DOC], modes: ['read'] })), mode: 'read', allow: true, reason: /#b grants read/ },
];

describe('WAC decision (pure)', () => {
  for (const row of table) {
    it(row.name, () => {
      const decision = decide(row.agent, row.acl, row.mode);
      expect(decision.allow, decision.reason).to.equal(row.allow);
      expect(decision.reason).to.match(row.reason);
    });
  }

  it('lists every mode an agent holds (for WAC-Allow)', () => {
    const acl = own(auth({ agents: [ALICE], accessTo: [DOC], modes: ['read', 'write', 'control'] }), auth({ agentClasses: [FOAF_AGENT], accessTo: [DOC], modes: ['read'] }));
    expect([...allowedModes(alice, acl)].sort()).to.deep.equal(['append', 'control', 'read', 'write']);
    expect([...allowedModes(anonymous, acl)]).to.deep.equal(['read']);
  });
});

describe('ACL documents', () => {
  it('reads authorizations with relative IRIs resolved against the ACL', () => {
    const [authorization] = parseAuthorizations(`@prefix acl: <http://www.w3.org/ns/auth/acl#>.
      <#owner> a acl:Authorization; acl:agent <${ALICE}>; acl:accessTo <./>; acl:default <./>; acl:mode acl:Read, acl:Write, acl:Control.`, `${POD}.acl`);
    expect(authorization).to.deep.include({ id: `${POD}.acl#owner`, agents: [ALICE], accessTo: [POD], defaults: [POD] });
    expect(authorization.modes).to.have.members(['read', 'write', 'control']);
  });

  it('ignores resources that are not typed acl:Authorization', () => {
    expect(parseAuthorizations(`@prefix acl: <http://www.w3.org/ns/auth/acl#>. <#x> acl:agent <${ALICE}>; acl:accessTo <./>; acl:mode acl:Read.`, `${POD}.acl`)).to.deep.equal([]);
  });

  it('fails closed on a document that does not parse', () => {
    expect(parseAuthorizations('this is not turtle', `${POD}.acl`)).to.deep.equal([]);
  });
});

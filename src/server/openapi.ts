/**
 * The API's OpenAPI 3.1 description, written by hand and served at `/api/openapi.json`. A test
 * checks that every route of the app is described here and nothing else.
 */
import { SEARCH_RANKED_MATCHES } from '../store/store.js';
import { EVENT_PAGE_LIMIT, EVENT_PARTS, type EventPart } from './ledger-answers.js';

type Schema = Record<string, unknown>;

/** The search bound as the description writes it ("2,000"). */
const RANKED = SEARCH_RANKED_MATCHES.toLocaleString('en-GB');

/** What each list of `GET /api/events/{id}/{part}` holds. */
const EVENT_PART_ITEMS: Record<EventPart, string> = {
  members: 'the report events (document and event id) the ledger event joins',
  links: 'why pairs of its report events were judged one event (score, reasons)',
  claims: 'claims for and against it, the first claim of each origin ahead of the rest',
  documents: "the documents its report events come from, in the ledger's order",
  origins: 'the origins of its documents, each with all its copies and links',
  checks: 'the numeric checks that bear on it',
};

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
const error = (description: string) => json(ref('Error'), description);
const page = (item: Schema): Schema => ({
  type: 'object',
  required: ['items', 'total', 'limit', 'offset'],
  properties: {
    items: { type: 'array', items: item },
    total: { type: 'integer', description: 'How many items match, over all pages' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
});
const query = (name: string, description: string, schema: Schema = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const path = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const eventFilters = () => [
  query('from', 'Events overlapping from this date', { type: 'string', format: 'date' }),
  query('to', 'Events overlapping up to this date', { type: 'string', format: 'date' }),
  query('type', 'Fine code, ACLED event type or sub-event type'),
  query('place', 'Part of the place, admin-1 or country name'),
  query('actor', "Part of an actor's name"),
  query('status', 'Comma-separated statuses'),
  query('contradicted', 'Only events with (true) or without (false) contradictions', { type: 'boolean' }),
  query('q', 'Words in the event or its claims'),
];
const paging = (max: number) => [
  query('limit', `Page size (1–${max})`, { type: 'integer', minimum: 1, maximum: max }),
  query('offset', 'Items to skip', { type: 'integer', minimum: 0 }),
];
const body = (schema: Schema) => ({ required: true, content: { 'application/json': { schema } } });
const reads = { '401': error('Not logged in'), '403': error('Role too low') };
const writes = {
  ...reads,
  '400': error('Bad input'),
  '403': error('Role too low, cross-origin request, or missing CSRF token'),
  '413': error('Body too large'),
  '415': error('Body not sent as application/json'),
};
const ref2 = (idField: string): Schema => ({
  type: 'object',
  required: ['documentId', idField],
  properties: { documentId: { type: 'string' }, [idField]: { type: 'string' } },
});

/**
 * The OpenAPI document (3.1).
 *
 * @example (await (await app.request('/api/openapi.json')).json()).openapi // '3.1.0'
 */
export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Corroborate desk API',
    version: '1',
    description:
      'The ledger of conflict events over HTTP: documents and their archived text, claims, events with their evidence, origins, search, review decisions and the audit log. Every error is `{"error": {"code", "message"}}`. Browser sessions send the `X-CSRF-Token` of `GET /api/session` with every state change; API tokens go in `Authorization: Bearer`.',
  },
  servers: [{ url: '/' }],
  security: [{ session: [] }, { token: [] }],
  paths: {
    '/api/openapi.json': {
      get: { summary: 'This description', security: [], responses: { '200': json({ type: 'object' }) } },
    },
    '/api/session': {
      get: {
        summary: 'Who is logged in, the desk mode, and the CSRF token for state changes',
        security: [],
        responses: { '200': json(ref('Session')) },
      },
      post: {
        summary: 'Log in (sets the HttpOnly session cookie); 5 attempts per minute per address and name',
        security: [],
        requestBody: body({
          type: 'object',
          required: ['name', 'password'],
          properties: { name: { type: 'string' }, password: { type: 'string' } },
        }),
        responses: {
          '200': json(ref('Login')),
          '400': error('Bad input'),
          '401': error('Wrong name or password'),
          '409': error('Single-user desk: no accounts'),
          '429': error('Too many attempts (see Retry-After)'),
        },
      },
      delete: { summary: 'Log out', responses: { '204': { description: 'Logged out' } } },
    },
    '/api/tokens': {
      get: {
        summary: "The caller's API tokens (all=true: everyone's, admin)",
        parameters: [query('all', 'Every user (admin)', { type: 'boolean' })],
        responses: {
          '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('ApiToken') } } }),
          ...reads,
        },
      },
      post: {
        summary: 'Create an API token; its secret is shown once',
        requestBody: body({ type: 'object', required: ['label'], properties: { label: { type: 'string' } } }),
        responses: {
          '201': json(ref('NewApiToken')),
          ...writes,
          '409': error('Single-user desk: no accounts'),
        },
      },
    },
    '/api/tokens/{id}': {
      delete: {
        summary: 'Revoke a token (your own; admins any)',
        parameters: [path('id', 'Token id (tok_…)')],
        responses: { '204': { description: 'Revoked' }, ...writes, '404': error('No such token') },
      },
    },
    '/api/users': {
      get: {
        summary: 'Users (admin)',
        responses: {
          '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('User') } } }),
          ...reads,
        },
      },
      post: {
        summary: 'Add a user (admin)',
        requestBody: body({
          type: 'object',
          required: ['name', 'role', 'password'],
          properties: {
            name: { type: 'string' },
            role: ref('Role'),
            password: { type: 'string', minLength: 10 },
          },
        }),
        responses: { '201': json(ref('User')), ...writes, '409': error('Name taken') },
      },
    },
    '/api/users/{name}': {
      patch: {
        summary: "Change a user's role or password (admin)",
        parameters: [path('name', 'User name')],
        requestBody: body({
          type: 'object',
          properties: { role: ref('Role'), password: { type: 'string', minLength: 10 } },
        }),
        responses: { '200': json(ref('User')), ...writes, '404': error('No such user') },
      },
      delete: {
        summary: 'Remove a user with their sessions and tokens (admin)',
        parameters: [path('name', 'User name')],
        responses: {
          '204': { description: 'Removed' },
          ...writes,
          '404': error('No such user'),
          '409': error('Own account'),
        },
      },
    },
    '/api/documents': {
      get: {
        summary: 'Documents by id',
        parameters: paging(1000),
        responses: { '200': json(page(ref('Document'))), ...reads },
      },
      post: {
        summary: 'Import a report (admin): read it and store it in the ledger',
        requestBody: body({
          type: 'object',
          required: ['text'],
          properties: {
            text: { type: 'string', description: 'Plain text or HTML' },
            id: { type: 'string' },
            date: { type: 'string', format: 'date', description: 'Publication date' },
            url: { type: 'string' },
          },
        }),
        responses: {
          '201': json(ref('PutResult'), 'Stored anew'),
          '200': json(ref('PutResult'), 'Duplicate or update'),
          ...writes,
        },
      },
    },
    '/api/documents/{id}': {
      patch: {
        summary:
          'Retract or restore a document (admin); its archive and rows stay; audited as document.status',
        parameters: [path('id', 'Document id')],
        requestBody: body({
          type: 'object',
          required: ['status'],
          properties: { status: { enum: ['active', 'retracted'] }, note: { type: 'string' } },
        }),
        responses: { '200': json(ref('Document')), ...writes, '404': error('No such document') },
      },
      get: {
        summary: 'One document with its claims, events and retrievals',
        parameters: [path('id', 'Document id')],
        responses: { '200': json({ type: 'object' }), ...reads, '404': error('No such document') },
      },
    },
    '/api/documents/{id}/text': {
      get: {
        summary:
          'The archived text of a document with the spans of its claims and events (offsets in UTF-16 code units)',
        parameters: [path('id', 'Document id')],
        responses: { '200': json(ref('DocumentText')), ...reads, '404': error('No such document') },
      },
    },
    '/api/archive/{sha256}': {
      get: {
        summary: 'Archived bytes under their SHA-256, as a UTF-8 string or base64',
        parameters: [path('sha256', '64 hex digits')],
        responses: {
          '200': json({ type: 'object' }),
          '400': error('Not a SHA-256'),
          ...reads,
          '404': error('Not archived'),
        },
      },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over documents and claims',
        description: `Ranks at most the ${RANKED} most recently stored matches (of the kind asked for) and returns the best \`limit\` of them; \`complete\` is false when the query had that many matches, so older ones may not have been ranked. Answers are kept until a document is stored or updated; reviews do not drop them.`,
        parameters: [
          { ...query('q', 'Words; "quoted phrases"; prefix*'), required: true },
          query('kind', 'document or claim', { enum: ['document', 'claim'] }),
          query('limit', 'At most this many hits (1–1000)', { type: 'integer' }),
        ],
        responses: {
          '200': json({
            type: 'object',
            required: ['items', 'limit', 'ranked', 'complete'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['kind', 'documentId', 'itemId', 'text', 'score'],
                  properties: {
                    kind: { type: 'string', enum: ['document', 'claim'] },
                    documentId: { type: 'string' },
                    itemId: {
                      type: 'string',
                      description: 'The claim id, or the document id for a document',
                    },
                    text: { type: 'string', description: 'The document title or the claim text' },
                    score: { type: 'number', description: 'Higher is better; comparable within one answer' },
                  },
                },
              },
              limit: { type: 'integer' },
              ranked: {
                type: 'integer',
                description: `Matches ranked: all of them, or the newest ${RANKED}`,
              },
              complete: {
                type: 'boolean',
                description: `False when the query had at least ${RANKED} matches: older ones were not ranked`,
              },
            },
          }),
          '400': error('Bad query'),
          ...reads,
        },
      },
    },
    '/api/stats': {
      get: { summary: 'Counts of the ledger', responses: { '200': json({ type: 'object' }), ...reads } },
    },
    '/api/events': {
      get: {
        summary: 'Ledger events, filtered, sorted and paged',
        parameters: [
          ...eventFilters(),
          query(
            'sort',
            'date, support, confidence, type, place, status; prefix - to reverse (default -date)',
          ),
          query('view', 'summary (default: list rows) or full (whole LedgerEvent objects)', {
            enum: ['summary', 'full'],
          }),
          ...paging(500),
        ],
        responses: {
          '200': json(
            page({
              type: 'object',
              description:
                'EventSummary (src/server/ledger-query.ts), or LedgerEvent (docs/ledger.md) with view=full',
            }),
          ),
          '400': error('Bad filter'),
          ...reads,
          '503': error(
            'No ledger builder; the ledger still being built after the request waited (about 20 s; with Retry-After and how far the build has got, see /api/ledger/status); or the ledger worker stopped while the request waited (out of memory, an uncaught error)',
          ),
        },
      },
    },
    '/api/timeline': {
      get: {
        summary: 'Events per day and type (the filters of /api/events)',
        parameters: eventFilters(),
        responses: {
          '200': json({
            type: 'object',
            properties: {
              days: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    date: { type: 'string', format: 'date' },
                    total: { type: 'integer' },
                    byType: { type: 'object' },
                  },
                },
              },
              undated: { type: 'integer' },
            },
          }),
          '400': error('Bad filter'),
          ...reads,
        },
      },
    },
    '/api/places': {
      get: {
        summary: 'Places with their number of events, most first (the filters of /api/events)',
        parameters: [...eventFilters(), ...paging(500)],
        responses: { '200': json({ type: 'object' }), '400': error('Bad filter'), ...reads },
      },
    },
    '/api/map': {
      get: {
        summary:
          'Every located event as a small marker (position, precision, support, status), with the filters of /api/events',
        parameters: eventFilters(),
        responses: { '200': json({ type: 'object' }), '400': error('Bad filter'), ...reads },
      },
    },
    '/api/events/{id}': {
      get: {
        summary:
          'One event as its page shows it: the event, the first `limit` of each of its lists (claims for and against, with the first claim of each origin ahead of the rest; the documents those claims come from and the first member documents; origins with their first copies and `documentCount`/`linkCount`; checks; members and links, in `event`), how many each list holds (`totals`), and the whole review history. The rest of each list: /api/events/{id}/{part}',
        parameters: [
          path('id', 'Ledger event id'),
          query('limit', `Entries shown of each list (1–500, default ${EVENT_PAGE_LIMIT})`, {
            type: 'integer',
            minimum: 1,
            maximum: 500,
          }),
        ],
        responses: {
          '200': json({
            type: 'object',
            required: ['event', 'claims', 'documents', 'origins', 'checks', 'history', 'totals', 'limit'],
            properties: {
              totals: {
                type: 'object',
                description: 'How many entries each list of the event holds, shown or not',
                properties: Object.fromEntries(
                  ['members', 'links', 'supporting', 'contradicting', 'documents', 'origins', 'checks'].map(
                    (name) => [name, { type: 'integer' }],
                  ),
                ),
              },
            },
          }),
          '400': error('Bad limit'),
          ...reads,
          '404': error('No such event'),
        },
      },
    },
    ...Object.fromEntries(
      EVENT_PARTS.map((part) => [
        `/api/events/{id}/${part}`,
        {
          get: {
            summary: `One list of an event, whole, a page at a time, in the order its page shows it: ${EVENT_PART_ITEMS[part]}`,
            parameters: [
              path('id', 'Ledger event id'),
              ...(part === 'claims'
                ? [
                    query(
                      'side',
                      'Only the claims for (supporting) or against (contradicting) the event; both by default, supporting first',
                      {
                        type: 'string',
                        enum: ['supporting', 'contradicting'],
                      },
                    ),
                  ]
                : []),
              ...paging(1000),
            ],
            responses: {
              '200': json(page({ type: 'object' })),
              '400': error('Bad page or side'),
              ...reads,
              '404': error('No such event'),
            },
          },
        },
      ]),
    ),
    '/api/claims': {
      get: {
        summary: 'Ledger claims',
        parameters: [
          query('document', 'Only this document'),
          query('speakerKind', 'Only this speaker kind'),
          query('rated', 'Only rated (true) or unrated (false)', { type: 'boolean' }),
          query('q', 'Words in the claim or speaker'),
          ...paging(1000),
        ],
        responses: { '200': json(page({ type: 'object', description: 'LedgerClaim' })), ...reads },
      },
    },
    '/api/claims/{id}': {
      get: {
        summary: 'One claim (DOCUMENT:CLAIM) with its rating history',
        parameters: [path('id', 'Ledger claim id')],
        responses: { '200': json({ type: 'object' }), ...reads, '404': error('No such claim') },
      },
    },
    '/api/origins': {
      get: {
        summary: 'Origins: groups of copies of one story',
        parameters: paging(10_000),
        responses: { '200': json(page({ type: 'object' })), ...reads },
      },
    },
    '/api/checks': {
      get: {
        summary:
          'Numeric checks across reports, and measured areas and shares against the claimed ones (kind measurement)',
        parameters: [query('status', 'ok, mismatch or unverifiable')],
        responses: { '200': json({ type: 'object' }), ...reads },
      },
    },
    '/api/ledger/status': {
      get: {
        summary:
          'Where the ledger stands: idle (not asked for yet), building (stage, documents read), ready or failed; cheap to poll, starts nothing',
        responses: { '200': json(ref('LedgerStatus')), ...reads, '503': error('No ledger builder') },
      },
    },
    '/api/export/{format}': {
      get: {
        summary:
          'The whole ledger as a download: json (corroborate.ledger/1), acled-csv, geojson, claimreview',
        parameters: [path('format', 'json, acled-csv, geojson or claimreview')],
        responses: {
          '200': {
            description: 'The export file (Content-Disposition: attachment)',
            content: {
              'application/json': { schema: { type: 'object' } },
              'text/csv': { schema: { type: 'string' } },
              'application/geo+json': { schema: { type: 'object' } },
              'application/ld+json': { schema: { type: 'array' } },
            },
          },
          ...reads,
          '404': error('No such format'),
          '503': error(
            'No ledger builder; the ledger still being built after the request waited (about 20 s; with Retry-After and how far the build has got, see /api/ledger/status); or the ledger worker stopped while the request waited (out of memory, an uncaught error)',
          ),
        },
      },
    },
    '/api/review': {
      post: {
        summary: 'Record a review decision (analyst): set-status, merge, split, rate-claim',
        requestBody: body(ref('ReviewRequest')),
        responses: {
          '201': json({
            type: 'object',
            properties: { decision: { type: 'object' }, audit: ref('AuditEntry') },
          }),
          ...writes,
          '404': error('Unknown event or claim'),
          '409': error('Merge of one event, or split of a whole event'),
          '503': error(
            'The ledger the decision is checked against still being built after ~20 s (Retry-After; nothing recorded), or no ledger builder',
          ),
        },
      },
    },
    '/api/audit': {
      get: {
        summary: 'The audit log, oldest first',
        parameters: [
          query('after', 'Entries after this sequence number', { type: 'integer' }),
          query('limit', 'Page size (1–1000)', { type: 'integer' }),
          query('action', 'Only this action (e.g. review.set-status)'),
          query('subject', 'Only this subject (e.g. event:harir-1:e1)'),
        ],
        responses: {
          '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('AuditEntry') } } }),
          ...reads,
        },
      },
    },
    '/api/audit/verify': {
      get: {
        summary: "Walk the audit log's hash chain",
        responses: { '200': json({ type: 'object' }), ...reads },
      },
    },
    '/api/events/{id}/evidence': {
      get: {
        summary: 'Evidence on the event and on its claims (images, measurements), oldest first',
        parameters: [path('id', 'Ledger event id'), ...paging(500)],
        responses: { '200': json(page(ref('EvidenceItem'))), ...reads, '404': error('No such event') },
      },
    },
    '/api/events/{id}/measurable-claims': {
      get: {
        summary:
          "The areas and shares the event's claims state, for measuring against (in m², or as a fraction)",
        parameters: [path('id', 'Ledger event id')],
        responses: {
          '200': json({
            type: 'object',
            properties: { items: { type: 'array', items: ref('ClaimedMeasure') } },
          }),
          ...reads,
          '404': error('No such event'),
        },
      },
    },
    '/api/claims/{id}/evidence': {
      get: {
        summary: 'Evidence on one claim, oldest first',
        parameters: [path('id', 'Ledger claim id (documentId:claimId)'), ...paging(500)],
        responses: { '200': json(page(ref('EvidenceItem'))), ...reads, '404': error('No such claim') },
      },
    },
    '/api/evidence/{id}': {
      get: {
        summary: 'One piece of evidence',
        parameters: [path('id', 'Evidence id (ev:…)')],
        responses: { '200': json(ref('EvidenceItem')), ...reads, '404': error('No such evidence') },
      },
    },
    '/api/evidence/{id}/image': {
      get: {
        summary:
          'The archived bytes of an image evidence, with the media type sniffed when it was added (nosniff)',
        parameters: [path('id', 'Evidence id (ev:…) of an image')],
        responses: {
          '200': {
            description: 'The image',
            content: { 'image/*': { schema: { type: 'string', format: 'binary' } } },
          },
          ...reads,
          '404': error('No such image evidence'),
        },
      },
    },
    '/api/evidence/images': {
      post: {
        summary:
          'Add an image (analyst): examined (type sniffed, metadata, C2PA, perceptual hash, earlier appearances), archived, audited as evidence.add',
        parameters: [
          query('event', 'Ledger event it bears on (repeatable)'),
          query('claim', 'Ledger claim it bears on (repeatable)'),
          query('document', 'Document it came with (repeatable)'),
          query('sourceUrl', 'Where the image came from'),
          query('note', 'A note kept with it'),
        ],
        requestBody: {
          required: true,
          content: {
            'image/*': { schema: { type: 'string', format: 'binary' } },
            'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
          },
        },
        responses: {
          '201': json(ref('EvidenceResult'), 'Stored anew'),
          '200': json(ref('EvidenceResult'), 'Already stored on these subjects'),
          ...writes,
          '400': error('Not an image, corrupt, or too many pixels'),
          '404': error('Unknown event, claim or document'),
          '413': error(
            'Image larger than the upload cap (25 MiB unless serve --max-image-mib says otherwise)',
          ),
          '415': error('Body not sent as image/… or application/octet-stream'),
        },
      },
    },
    '/api/evidence/measurements': {
      post: {
        summary:
          'Measure an outline (analyst): geodesic area, compared with the areas and shares its event or claims state, stored and audited as evidence.add',
        requestBody: body(ref('MeasurementRequest')),
        responses: {
          '201': json(ref('EvidenceResult'), 'Stored anew'),
          '200': json(ref('EvidenceResult'), 'The same outline was already stored on these subjects'),
          ...writes,
          '404': error('Unknown event or claim'),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'corroborate_session' },
      token: { type: 'http', scheme: 'bearer' },
    },
    schemas: {
      EvidenceItem: {
        type: 'object',
        required: ['id', 'subjects', 'addedBy', 'addedAt', 'finding', 'note'],
        description:
          'src/types/evidence.ts: an image or a measurement, on the claims, events and documents it bears on',
        properties: {
          id: { type: 'string' },
          subjects: {
            type: 'array',
            items: {
              type: 'object',
              properties: { kind: { enum: ['claim', 'event', 'document'] }, id: { type: 'string' } },
            },
          },
          addedBy: { type: 'string' },
          addedAt: { type: 'string', format: 'date-time' },
          finding: {
            type: 'object',
            required: ['kind'],
            description:
              'kind image: sha256, mediaType, width, height, perceptualHash, metadata, c2pa, reuse, sourceUrl; kind measurement: geometry, areaM2, label, checks',
            properties: {
              kind: { enum: ['image', 'measurement'] },
              areaM2: { type: 'number' },
              checks: { type: 'array', items: ref('MeasurementCheck') },
            },
          },
          note: { type: ['string', 'null'] },
        },
      },
      MeasurementCheck: {
        type: 'object',
        required: ['claimId', 'claimed', 'measured', 'tolerance', 'verdict', 'explanation'],
        properties: {
          claimId: { type: ['string', 'null'] },
          claimed: {
            type: 'object',
            properties: {
              value: { type: 'number' },
              unit: { type: 'string' },
              m2: { type: ['number', 'null'] },
              share: { type: ['number', 'null'] },
              text: { type: 'string' },
            },
          },
          measured: {
            type: 'object',
            properties: { m2: { type: ['number', 'null'] }, share: { type: ['number', 'null'] } },
          },
          tolerance: { type: 'number', description: 'Relative (0.15 = within 15 %)' },
          verdict: { enum: ['agrees', 'disagrees', 'not-comparable'] },
          explanation: { type: 'string' },
        },
      },
      ClaimedMeasure: {
        type: 'object',
        properties: {
          claimId: { type: 'string' },
          kind: { enum: ['area', 'share'] },
          text: { type: 'string', description: 'As the report writes it ("13,700 square feet")' },
          bound: { type: 'string' },
          m2: { type: ['number', 'null'] },
          share: { type: ['number', 'null'] },
          low: {
            type: ['number', 'null'],
            description: 'Lower end (m² or fraction) of a range or a lower bound',
          },
          high: {
            type: ['number', 'null'],
            description: 'Upper end (m² or fraction) of a range or an upper bound',
          },
          of: { type: ['string', 'null'] },
        },
      },
      MeasurementRequest: {
        type: 'object',
        required: ['geojson'],
        properties: {
          geojson: {
            type: 'object',
            description: 'GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection (lon/lat)',
          },
          event: { type: 'string' },
          events: { type: 'array', items: { type: 'string' } },
          claim: { type: 'string' },
          claims: { type: 'array', items: { type: 'string' } },
          label: {
            type: 'string',
            description: '"facility outline" makes it the whole that later shares are measured against',
          },
          note: { type: 'string' },
          tolerance: { type: 'number', minimum: 0, exclusiveMaximum: 1, default: 0.15 },
          whole: { description: 'The whole a share is of: a GeoJSON outline or a stored measurement id' },
        },
      },
      EvidenceResult: {
        type: 'object',
        properties: { status: { enum: ['new', 'duplicate'] }, item: ref('EvidenceItem') },
      },
      LedgerStatus: {
        type: 'object',
        required: [
          'state',
          'stage',
          'documentsRead',
          'documents',
          'startedAt',
          'builtAt',
          'events',
          'error',
          'message',
        ],
        description: "src/server/ledger-build-status.ts: the desk's ledger builds",
        properties: {
          state: { enum: ['idle', 'building', 'ready', 'failed'] },
          stage: {
            enum: ['listing', 'reading', 'clustering', 'assembling', 'checking', null],
            description: 'The stage of the build under way (null when none is)',
          },
          documentsRead: { type: 'integer', description: 'Documents read by the current or last build' },
          documents: { type: 'integer', description: 'Active documents it reads (0 until listed)' },
          startedAt: {
            type: ['string', 'null'],
            format: 'date-time',
            description: 'When the last build started',
          },
          builtAt: {
            type: ['string', 'null'],
            format: 'date-time',
            description: 'When the last build that succeeded ended',
          },
          events: { type: ['integer', 'null'], description: 'Events of the ledger last built' },
          error: { type: ['string', 'null'], description: 'Why the last build failed (state failed)' },
          message: {
            type: ['string', 'null'],
            description: 'While building: how far it has got, in words, as a waiting ledger request is told',
          },
        },
      },
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: {
                enum: [
                  'bad_request',
                  'unauthorized',
                  'forbidden',
                  'not_found',
                  'conflict',
                  'payload_too_large',
                  'unsupported_media_type',
                  'too_many_requests',
                  'unavailable',
                  'internal',
                ],
              },
              message: { type: 'string' },
            },
          },
        },
      },
      Role: { enum: ['viewer', 'analyst', 'admin'] },
      User: { type: 'object', properties: { name: { type: 'string' }, role: ref('Role') } },
      Session: {
        type: 'object',
        properties: {
          mode: { enum: ['local', 'accounts'] },
          user: { oneOf: [{ type: 'null' }, ref('User')] },
          csrfToken: { type: ['string', 'null'] },
        },
      },
      Login: {
        type: 'object',
        properties: {
          user: ref('User'),
          csrfToken: { type: 'string' },
          expiresAt: { type: 'string', format: 'date-time' },
        },
      },
      ApiToken: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          userName: { type: 'string' },
          label: { type: 'string' },
          createdAt: { type: 'string' },
        },
      },
      NewApiToken: {
        allOf: [
          ref('ApiToken'),
          { type: 'object', properties: { token: { type: 'string', description: 'Shown once' } } },
        ],
      },
      Document: { type: 'object', description: 'StoredDocument (docs/storage.md)' },
      PutResult: {
        type: 'object',
        properties: {
          status: { enum: ['new', 'duplicate', 'updated'] },
          documentId: { type: 'string' },
          sha256: { type: 'string' },
        },
      },
      DocumentText: {
        type: 'object',
        properties: {
          documentId: { type: 'string' },
          sha256: { type: 'string' },
          text: { type: 'string' },
          spans: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                kind: { enum: ['claim', 'event'] },
                id: { type: 'string' },
                start: { type: 'integer' },
                end: { type: 'integer' },
              },
            },
          },
        },
      },
      ReviewRequest: {
        oneOf: [
          {
            type: 'object',
            required: ['kind', 'status'],
            properties: {
              kind: { const: 'set-status' },
              member: ref2('eventId'),
              event: { type: 'string', description: 'A ledger event id, instead of member' },
              status: { enum: ['unverified', 'corroborated', 'confirmed', 'disputed', 'false'] },
              note: { type: 'string' },
            },
          },
          {
            type: 'object',
            required: ['kind', 'members'],
            properties: {
              kind: { enum: ['merge', 'split'] },
              members: { type: 'array', items: ref2('eventId') },
              note: { type: 'string' },
            },
          },
          {
            type: 'object',
            required: ['kind', 'claim', 'rating'],
            properties: {
              kind: { const: 'rate-claim' },
              claim: ref2('claimId'),
              rating: { type: 'integer', minimum: 1, maximum: 5 },
              label: { type: 'string' },
              note: { type: 'string' },
            },
          },
        ],
      },
      AuditEntry: {
        type: 'object',
        properties: {
          seq: { type: 'integer' },
          at: { type: 'string', format: 'date-time' },
          actor: { type: 'string' },
          action: { type: 'string' },
          subject: { type: 'string' },
          before: {},
          after: {},
          note: { type: ['string', 'null'] },
          prevHash: { type: 'string' },
          hash: { type: 'string' },
        },
      },
    },
  },
} as const;

import './evidence.css';
import { ApiError, getJson, type Session } from '../api.js';
import { canReview, desk } from '../desk.js';
import { type Child, h, replaceChildren } from '../dom.js';
import type { LedgerEvent } from '../types.js';
import { areaLabel } from './evidence-live-check.js';
import { measureTool } from './evidence-measure-tool.js';
import type { ClaimedMeasure, EvidenceItem, ImageFinding, MeasurementFinding } from './evidence-types.js';

/**
 * The event's evidence panel: images with their metadata, earlier appearances and C2PA status
 * (with the caveat that goes with it), measured outlines with their comparisons against the
 * claimed areas and shares, and the measuring tool. Loads on its own, so the rest of the event
 * page never waits for it.
 *
 * @example main.append(evidencePanel(event));
 */
export function evidencePanel(event: LedgerEvent): HTMLElement {
  const body = h('div', { class: 'evidence-body' }, h('p', { role: 'status' }, 'Loading the evidence…'));
  const section = h(
    'section',
    { 'aria-labelledby': 'h-evidence', class: 'evidence', 'data-event-id': event.id },
    h('h2', { id: 'h-evidence' }, 'Evidence'),
    body,
  );
  void load(event, body);
  return section;
}

async function load(event: LedgerEvent, body: HTMLElement): Promise<void> {
  const id = encodeURIComponent(event.id);
  let items: EvidenceItem[];
  let claims: ClaimedMeasure[];
  try {
    [items, claims] = await Promise.all([
      getJson<{ items: EvidenceItem[] }>(`/api/events/${id}/evidence`, { limit: 500 }).then((p) => p.items),
      getJson<{ items: ClaimedMeasure[] }>(`/api/events/${id}/measurable-claims`).then((p) => p.items),
    ]);
  } catch (error) {
    replaceChildren(
      body,
      h(
        'p',
        { class: 'error' },
        `The evidence could not be loaded: ${error instanceof ApiError ? error.message : String(error)}`,
      ),
    );
    return;
  }
  const images = items.filter((i) => i.finding.kind === 'image');
  const measurements = items.filter((i) => i.finding.kind === 'measurement');
  replaceChildren(
    body,
    h('h3', {}, 'Images'),
    images.length === 0
      ? h('p', { class: 'empty' }, 'No image is attached to this event or its claims.')
      : h('ul', { class: 'evidence-images' }, ...images.map(imageItem)),
    canReview() ? imageForm(event) : null,
    h('h3', {}, 'Measurements'),
    claimedList(claims),
    measurements.length === 0
      ? h('p', { class: 'empty' }, 'Nothing measured yet.')
      : h('ul', { class: 'evidence-measurements' }, ...measurements.map(measurementItem)),
  );
  body.append(measureTool(event, claims, measurements));
}

function claimedList(claims: readonly ClaimedMeasure[]): HTMLElement {
  if (claims.length === 0)
    return h('p', { class: 'empty' }, 'No claim of this event states an area or a share.');
  return h(
    'p',
    { class: 'claimed-measures' },
    'Claimed: ',
    ...claims.flatMap((c, i) => [
      i === 0 ? null : '; ',
      h('q', {}, c.text),
      c.kind === 'area' && c.m2 !== null ? ` (${areaLabel(c.m2)})` : c.of === null ? '' : ` of the ${c.of}`,
    ]),
  );
}

function row(term: string, value: Child): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, value === null || value === '' ? '—' : value)];
}

function addedLine(item: EvidenceItem): HTMLElement {
  return h(
    'p',
    { class: 'meta' },
    `${item.id} · added by ${item.addedBy} · ${item.addedAt.slice(0, 16).replace('T', ' ')}`,
    item.note === null ? null : ` · ${item.note}`,
  );
}

const C2PA_WORDS: Record<ImageFinding['c2pa']['status'], string> = {
  absent: 'No Content Credentials (C2PA) manifest in the file',
  'present-valid': 'C2PA manifest present and valid',
  'present-invalid': 'C2PA manifest present but fails validation',
  unsupported: 'C2PA manifest present but could not be checked',
};

function imageItem(item: EvidenceItem): HTMLElement {
  const image = item.finding as ImageFinding;
  const meta = image.metadata;
  const camera =
    meta.camera === null ? null : [meta.camera.make, meta.camera.model].filter(Boolean).join(' ');
  const c2pa = image.c2pa;
  return h(
    'li',
    { class: 'evidence-image', 'data-evidence-id': item.id },
    h(
      'figure',
      {},
      h('img', {
        src: `/api/evidence/${encodeURIComponent(item.id)}/image`,
        alt: `Image ${item.id}${meta.credit.caption === null ? '' : `: ${meta.credit.caption}`}`,
      }),
      h('figcaption', {}, `${image.mediaType}, ${image.width} × ${image.height} px`),
    ),
    h(
      'dl',
      { class: 'image-metadata' },
      ...row('Source', image.sourceUrl),
      ...row('Captured', meta.captureTime ?? 'not in the file'),
      ...row('Modified', meta.modifyTime),
      ...row(
        'GPS',
        meta.gps === null ? 'not in the file' : `${meta.gps.lat.toFixed(5)}, ${meta.gps.lon.toFixed(5)}`,
      ),
      ...row('Camera', camera),
      ...row('Software', meta.software),
      ...row('Edits', meta.editHistory.length === 0 ? null : meta.editHistory.join('; ')),
      ...row('Credit', [meta.credit.creator, meta.credit.credit].filter(Boolean).join(' · ')),
      ...row('Metadata blocks', meta.blocks.length === 0 ? 'none' : meta.blocks.join(', ')),
      ...row('Perceptual hash', h('code', {}, image.perceptualHash)),
    ),
    meta.error === null ? null : h('p', { class: 'meta' }, `Metadata: ${meta.error}`),
    h(
      'div',
      { class: `c2pa c2pa-${c2pa.status}`, 'data-c2pa': c2pa.status },
      h('p', {}, h('strong', {}, C2PA_WORDS[c2pa.status]), c2paDetail(c2pa)),
      c2pa.validationErrors.length === 0
        ? null
        : h('ul', {}, ...c2pa.validationErrors.map((e) => h('li', {}, e))),
      h('p', { class: 'caveat' }, c2pa.caveat),
    ),
    image.reuse.length === 0
      ? h('p', { class: 'reuse none' }, 'No earlier appearance in the ledger.')
      : h(
          'div',
          { class: 'reuse' },
          h('p', {}, h('strong', {}, `Seen before (${image.reuse.length}), earliest first:`)),
          h(
            'ul',
            {},
            ...image.reuse.map((r) =>
              h(
                'li',
                {},
                `${r.date.slice(0, 10)} (${r.dateSource}) · ${r.documentId ?? r.url ?? r.evidenceId} · ${
                  r.sameBytes ? 'same bytes' : `hash distance ${r.distance}`
                }`,
              ),
            ),
          ),
        ),
    addedLine(item),
  );
}

function c2paDetail(c2pa: ImageFinding['c2pa']): string {
  const parts: string[] = [];
  if (c2pa.signer !== null)
    parts.push(`signed by ${c2pa.signer}${c2pa.issuer === null ? '' : ` (issuer ${c2pa.issuer})`}`);
  if (c2pa.status === 'present-valid')
    parts.push(c2pa.trusted ? 'on the trust list' : 'signer not on a configured trust list');
  if (c2pa.claimGenerator !== null) parts.push(`made with ${c2pa.claimGenerator}`);
  if (c2pa.actions.length > 0) parts.push(`actions: ${c2pa.actions.join(', ')}`);
  return parts.length === 0 ? '' : ` — ${parts.join('; ')}`;
}

function measurementItem(item: EvidenceItem): HTMLElement {
  const m = item.finding as MeasurementFinding;
  return h(
    'li',
    { class: 'evidence-measurement', 'data-evidence-id': item.id },
    h(
      'p',
      {},
      h('strong', {}, m.label ?? 'outline'),
      `: ${areaLabel(m.areaM2)}`,
      h(
        'span',
        { class: 'meta', 'data-area-m2': m.areaM2.toFixed(2) },
        ` (${m.areaM2.toLocaleString('en-US', { maximumFractionDigits: 1 })} m²)`,
      ),
    ),
    m.checks.length === 0
      ? h('p', { class: 'empty' }, 'No claim states an area or share to compare with.')
      : h(
          'ul',
          { class: 'measurement-checks' },
          ...m.checks.map((c) =>
            h(
              'li',
              { 'data-verdict': c.verdict },
              h('span', { class: `badge verdict-${c.verdict}` }, c.verdict),
              ` ${c.explanation}`,
              c.claimId === null ? null : h('span', { class: 'meta' }, ` · ${c.claimId}`),
            ),
          ),
        ),
    addedLine(item),
  );
}

/** Analysts add an image file to the event: the server examines, archives and audits it. */
function imageForm(event: LedgerEvent): HTMLElement {
  const file = h('input', { type: 'file', id: 'evidence-image-file', accept: 'image/*' });
  const source = h('input', {
    type: 'text',
    id: 'evidence-image-source',
    placeholder: 'https://… or where it was found',
  });
  const status = h('p', { class: 'image-upload-status', role: 'status' });
  const upload = async (e: Event) => {
    e.preventDefault();
    const chosen = file.files?.[0];
    if (chosen === undefined) {
      status.textContent = 'Choose an image file first.';
      return;
    }
    status.textContent = `Examining ${chosen.name}…`;
    try {
      // the CSRF token of this session, as every state change sends it
      const { csrfToken } = await getJson<Session>('/api/session');
      const query = new URLSearchParams({ event: event.id });
      if (source.value.trim() !== '') query.set('sourceUrl', source.value.trim());
      const response = await fetch(`/api/evidence/images?${query}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          'content-type': chosen.type.startsWith('image/') ? chosen.type : 'application/octet-stream',
          ...(csrfToken === null ? {} : { 'x-csrf-token': csrfToken }),
        },
        body: await chosen.arrayBuffer(),
      });
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (!response.ok) throw new Error(body?.error?.message ?? response.statusText);
      desk.refresh();
    } catch (error) {
      status.textContent = `Not added: ${(error as Error).message}`;
      status.classList.add('error');
    }
  };
  return h(
    'form',
    { class: 'image-upload', on: { submit: (e) => void upload(e) } },
    h('label', { for: 'evidence-image-file' }, 'Add an image'),
    file,
    h('label', { for: 'evidence-image-source' }, 'Found at'),
    source,
    h('button', { type: 'submit' }, 'Examine and add'),
    status,
  );
}

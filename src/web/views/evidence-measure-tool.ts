import 'leaflet/dist/leaflet.css';
import { area } from '@turf/area';
import type { GeoJsonObject } from 'geojson';
import L from 'leaflet';
import { ApiError, sendJson } from '../api.js';
import { canReview, desk } from '../desk.js';
import { h, replaceChildren } from '../dom.js';
import type { LedgerEvent } from '../types.js';
import { areaLabel, crossesItself, LIVE_TOLERANCE, liveVerdicts } from './evidence-live-check.js';
import type { ClaimedMeasure, EvidenceItem, MeasurementFinding } from './evidence-types.js';

/** Zoom the tool opens at over the event's place: a building is tens of pixels wide. */
const SITE_ZOOM = 18;
const EQUATOR_M = 40_075_016.686;
const SQ_FT = 0.09290304;

/** The label that makes a saved outline the whole a share is measured against (as the server names it). */
export const FACILITY_LABEL = 'facility outline';

/**
 * The measuring tool: a map over the event's place where a click adds a corner of an outline.
 * Its geodesic area (`@turf/area`, as the server computes it) is shown live against the areas
 * and shares the event's claims state; analysts save it as evidence, and saved outlines are drawn.
 * A GeoJSON outline can be pasted instead of drawn (also the keyboard's way in).
 *
 * @example section.append(measureTool(event, claims, measurements));
 */
export function measureTool(
  event: LedgerEvent,
  claims: readonly ClaimedMeasure[],
  measurements: readonly EvidenceItem[],
): HTMLElement {
  const facility = latestFacility(measurements);
  const center = centerOf(event, measurements);
  const container = h('div', {
    class: 'measure-map',
    id: 'measure-map',
    role: 'application',
    'aria-label': 'Measuring map: click to add the corners of an outline',
    'data-lat': center?.lat ?? '',
    'data-lon': center?.lon ?? '',
    'data-zoom': center === null ? 2 : SITE_ZOOM,
    'data-metres-per-pixel':
      center === null ? '' : (EQUATOR_M * Math.cos((center.lat * Math.PI) / 180)) / 2 ** (SITE_ZOOM + 8),
  });
  const readout = h('p', { class: 'measure-area', 'aria-live': 'polite' }, 'Click the map to add corners.');
  const verdicts = h('ul', { class: 'live-verdicts', 'aria-live': 'polite' });
  const message = h('p', { class: 'measure-message', role: 'status' });
  const label = h(
    'select',
    { id: 'measure-label', name: 'label' },
    h('option', { value: 'damaged structures' }, 'damaged structures'),
    h('option', { value: FACILITY_LABEL }, 'facility outline (the whole a share is of)'),
    h('option', { value: 'other' }, 'other'),
  );
  const pasted = h('textarea', {
    id: 'measure-geojson',
    rows: 3,
    placeholder: '{"type": "Polygon", "coordinates": [[[lon, lat], …]]}',
  });

  let corners: L.LatLng[] = [];
  let map: L.Map | null = null;
  let outline: L.Polygon | null = null;

  const ring = (): number[][] => {
    const points = corners.map((c) => [c.wrap().lng, c.wrap().lat]);
    return points.length === 0 ? [] : [...points, points[0] as number[]];
  };
  const areaM2 = () => (corners.length < 3 ? 0 : area({ type: 'Polygon', coordinates: [ring()] }));

  const update = () => {
    if (map !== null) {
      outline?.remove();
      outline =
        corners.length < 2
          ? null
          : L.polygon(corners, {
              color: '#b45309',
              weight: 2,
              fillOpacity: 0.2,
              className: 'drawn-outline',
              interactive: false,
            }).addTo(map);
    }
    const m2 = areaM2();
    readout.textContent =
      corners.length < 3
        ? `${corners.length} ${corners.length === 1 ? 'corner' : 'corners'}: add at least three.`
        : `Area: ${areaLabel(m2)} (${(m2 / SQ_FT).toLocaleString('en-US', { maximumFractionDigits: 0 })} sq ft) over ${corners.length} corners`;
    readout.setAttribute('data-area-m2', corners.length < 3 ? '' : m2.toFixed(2));
    if (crossesItself(corners.map((c) => [c.lng, c.lat] as const))) {
      readout.textContent = `${readout.textContent}. The outline crosses itself (corners out of order?): its area is wrong; undo the last corner.`;
      readout.classList.add('error');
    } else {
      readout.classList.remove('error');
    }
    replaceChildren(
      verdicts,
      ...(corners.length < 3
        ? []
        : liveVerdicts(m2, claims, facility, LIVE_TOLERANCE).map((v) =>
            h(
              'li',
              { 'data-verdict': v.verdict, 'data-claim-id': v.claim.claimId },
              h('span', { class: `badge verdict-${v.verdict}` }, v.verdict),
              ` ${v.words}`,
            ),
          )),
    );
  };

  const save = async () => {
    if (corners.length < 3) {
      message.textContent = 'Draw at least three corners first.';
      return;
    }
    message.textContent = 'Saving…';
    try {
      const result = await sendJson<{ status: string; item: EvidenceItem }>(
        'POST',
        '/api/evidence/measurements',
        {
          geojson: { type: 'Polygon', coordinates: [ring()] },
          event: event.id,
          label: label.value,
        },
      );
      message.textContent =
        result.status === 'new' ? `Saved as ${result.item.id}.` : `Already saved as ${result.item.id}.`;
      desk.refresh();
    } catch (error) {
      message.textContent = `Not saved: ${error instanceof ApiError ? error.message : String(error)}`;
      message.classList.add('error');
    }
  };

  const usePasted = () => {
    try {
      const outer = outerRing(JSON.parse(pasted.value));
      corners = outer.slice(0, -1).map(([lon, lat]) => L.latLng(lat as number, lon as number));
      if (map !== null && corners.length > 0) map.fitBounds(L.latLngBounds(corners).pad(0.5));
      message.textContent = '';
      update();
    } catch (error) {
      message.textContent = `Cannot read that outline: ${(error as Error).message}`;
    }
  };

  const tool = h(
    'div',
    { class: 'measure-tool' },
    h('h3', {}, 'Measure on the map'),
    h(
      'p',
      { class: 'meta' },
      center === null
        ? 'The event has no place: pan to the site and click to add corners.'
        : `Centred on ${event.place?.name ?? 'the event'}. No imagery is loaded offline: place the corners from coordinates you trust, or paste an outline below.`,
      ` Live verdicts use a ${Math.round(LIVE_TOLERANCE * 100)} % tolerance; the saved check is computed by the server.`,
    ),
    container,
    readout,
    verdicts,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'undo-corner',
          on: {
            click: () => {
              corners = corners.slice(0, -1);
              update();
            },
          },
        },
        'Undo last corner',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'clear-outline',
          on: {
            click: () => {
              corners = [];
              update();
            },
          },
        },
        'Clear',
      ),
      h('label', { for: 'measure-label' }, 'What it outlines'),
      label,
      canReview()
        ? h(
            'button',
            { type: 'button', class: 'save-measurement', on: { click: () => void save() } },
            'Save as evidence',
          )
        : null,
    ),
    h(
      'details',
      { class: 'paste-outline' },
      h('summary', {}, 'Paste a GeoJSON outline instead'),
      h('label', { for: 'measure-geojson' }, 'GeoJSON polygon (longitude, latitude)'),
      pasted,
      h('button', { type: 'button', on: { click: usePasted } }, 'Measure this outline'),
    ),
    message,
  );

  // Leaflet measures its container: start the map once the tool is in the page.
  queueMicrotask(() => {
    if (!container.isConnected) return;
    map = L.map(container, { attributionControl: false, zoomSnap: 1, doubleClickZoom: false });
    if (center === null) map.setView([20, 20], 2);
    else map.setView([center.lat, center.lon], SITE_ZOOM);
    L.control.scale({ metric: true, imperial: true }).addTo(map);
    if (center !== null && event.place?.lat != null) {
      L.circleMarker([center.lat, center.lon], { radius: 4, color: '#1d4ed8', interactive: false }).addTo(
        map,
      );
    }
    for (const item of measurements) {
      const finding = item.finding as MeasurementFinding;
      L.geoJSON(finding.geometry as GeoJsonObject, {
        interactive: false,
        style: () => ({
          color: finding.label === FACILITY_LABEL ? '#1d4ed8' : '#15803d',
          weight: 2,
          fillOpacity: 0.1,
          className: 'saved-outline',
        }),
      }).addTo(map);
    }
    map.on('click', (e: L.LeafletMouseEvent) => {
      corners = [...corners, e.latlng];
      update();
    });
  });
  return tool;
}

function latestFacility(measurements: readonly EvidenceItem[]): number | null {
  let latest: EvidenceItem | null = null;
  for (const item of measurements) {
    if (item.finding.kind === 'measurement' && item.finding.label === FACILITY_LABEL) {
      if (latest === null || item.addedAt >= latest.addedAt) latest = item;
    }
  }
  return latest === null ? null : (latest.finding as MeasurementFinding).areaM2;
}

function centerOf(
  event: LedgerEvent,
  measurements: readonly EvidenceItem[],
): { lat: number; lon: number } | null {
  if (event.place !== null && event.place.lat !== null && event.place.lon !== null) {
    return { lat: event.place.lat, lon: event.place.lon };
  }
  for (const item of measurements) {
    const first = outerRing(item.finding.kind === 'measurement' ? item.finding.geometry : null)[0];
    if (first !== undefined) return { lat: first[1] as number, lon: first[0] as number };
  }
  return null;
}

/** The first outer ring of a GeoJSON polygon (geometry, Feature or the first feature of a collection). */
function outerRing(value: unknown): number[][] {
  const v = value as {
    type?: string;
    coordinates?: unknown;
    geometry?: unknown;
    features?: unknown[];
  } | null;
  if (v === null || typeof v !== 'object') throw new Error('not a GeoJSON object');
  if (v.type === 'Feature') return outerRing(v.geometry);
  if (v.type === 'FeatureCollection') return outerRing(v.features?.[0]);
  if (v.type === 'Polygon') return ((v.coordinates as number[][][])[0] ?? []) as number[][];
  if (v.type === 'MultiPolygon') return ((v.coordinates as number[][][][])[0]?.[0] ?? []) as number[][];
  throw new Error(`a ${v.type ?? 'value'} is not a polygon`);
}

import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { getJson, withParams } from '../api.js';
import { desk } from '../desk.js';
import { h, replaceChildren } from '../dom.js';
import { placeLabel } from '../format.js';
import { filtersOf, paramsOf } from '../ledger-filters.js';
import { markerShapeOf } from '../marker-shape.js';
import { eventPath } from '../router.js';
import type { EventStatus, MapMarker } from '../types.js';

/** Marker colours by status (the legend and the tooltips say the status in words too). */
const STATUS_COLOUR: Record<EventStatus, string> = {
  unverified: '#6b7280',
  corroborated: '#1d4ed8',
  confirmed: '#15803d',
  disputed: '#c2410c',
  false: '#b91c1c',
};

/** Country shapes, fetched once per page from the bundled world atlas (no tile server). */
let countries: Promise<FeatureCollection<Geometry>> | null = null;

function loadCountries(): Promise<FeatureCollection<Geometry>> {
  countries ??= fetch(atlasUrl).then(async (response) => {
    const topology = (await response.json()) as Topology<{ countries: GeometryCollection }>;
    return feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
  });
  return countries;
}

/**
 * The map: bundled country shapes and one marker per located event (the ledger's filters in the
 * URL apply). A town-precise event is a dot sized by its independent origins; an event placed
 * only in a district, province or country is a dashed area, never a pin. Clicking opens the event.
 *
 * @example await mapView(main, new URL('http://127.0.0.1:8080/map?status=disputed'), signal);
 */
export async function mapView(main: HTMLElement, url: URL, signal: AbortSignal): Promise<void> {
  const {
    offset: _offset,
    limit: _limit,
    sort: _sort,
    ...eventFilters
  } = paramsOf(filtersOf(url.searchParams));
  const status = h('p', { role: 'status' }, 'Loading…');
  const container = h('div', { id: 'map', class: 'map', role: 'region', 'aria-label': 'Map of events' });
  replaceChildren(main, h('h1', {}, 'Map'), status, container);
  const [shapes, data] = await Promise.all([
    loadCountries(),
    getJson<{ markers: MapMarker[]; unlocated: number }>('/api/map', eventFilters),
  ]);
  if (signal.aborted) return;
  const map = L.map(container, { worldCopyJump: true, zoomSnap: 0.5, attributionControl: false });
  signal.addEventListener('abort', () => map.remove());
  L.geoJSON(
    shapes as FeatureCollection,
    {
      interactive: false,
      style: () => ({ color: '#9aa3ad', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: 1 }),
    } as L.GeoJSONOptions<Feature>,
  ).addTo(map);
  // The view first: Leaflet adds layers (and computes their shapes) only on a map that has one.
  if (data.markers.length > 0) {
    const bounds = L.latLngBounds(data.markers.map((m): L.LatLngTuple => [m.lat, m.lon]));
    map.fitBounds(bounds.pad(0.3), { maxZoom: 7 });
  } else {
    map.setView([25, 20], 2);
  }
  for (const marker of data.markers) {
    markerLayer(marker).addTo(map).getElement()?.setAttribute('data-event-id', marker.id);
  }
  status.textContent = `${data.markers.length} events on the map; ${data.unlocated} without a location.`;
  main.append(
    legend(),
    markerList(data.markers),
    h('p', {}, h('a', { href: withParams('/', eventFilters) }, 'Open these events in the ledger')),
  );
}

function markerLayer(marker: MapMarker): L.Path {
  const shape = markerShapeOf(marker.precision, marker.independentOrigins);
  const colour = STATUS_COLOUR[marker.status];
  const className = `event-marker precision-${marker.precision ?? 'unknown'} status-${marker.status}${shape.kind === 'area' ? ' event-area' : ' event-point'}`;
  const layer =
    shape.kind === 'area'
      ? L.circle([marker.lat, marker.lon], {
          radius: shape.radiusMeters,
          color: colour,
          weight: 2,
          dashArray: '6 5',
          fillColor: colour,
          fillOpacity: 0.12,
          className,
        })
      : L.circleMarker([marker.lat, marker.lon], {
          radius: shape.radiusPx,
          color: marker.contradicted ? '#111827' : '#ffffff',
          weight: marker.contradicted ? 2.5 : 1.5,
          fillColor: colour,
          fillOpacity: 0.85,
          className,
        });
  // Tooltip content as a node: Leaflet would parse a string as HTML.
  layer.bindTooltip(h('span', {}, tooltipText(marker)));
  layer.on('click', () => desk.navigate(eventPath(marker.id)));
  return layer;
}

function tooltipText(marker: MapMarker): string {
  const where = placeLabel({
    name: marker.place,
    precision: marker.precision,
    lat: marker.lat,
    lon: marker.lon,
    geoPrecision: marker.geoPrecision,
    country: null,
    admin1: null,
  });
  const origins = `${marker.independentOrigins} independent ${marker.independentOrigins === 1 ? 'origin' : 'origins'}`;
  return `${marker.type} · ${where} · ${marker.date ?? 'undated'} · ${marker.status} · ${origins}${marker.contradicted ? ' · contradicted' : ''}`;
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    h('li', {}, 'Dot: placed in a town (size: independent origins).'),
    h(
      'li',
      {},
      'Dashed circle: placed only in a district, province or country — the event is somewhere inside.',
    ),
    h(
      'li',
      {},
      'Colour: ',
      ...Object.keys(STATUS_COLOUR).map((s) => h('span', { class: `badge status-${s}` }, s)),
    ),
  );
}

/** The same events as links, for the keyboard and screen readers. */
function markerList(markers: readonly MapMarker[]): HTMLElement {
  return h(
    'details',
    { class: 'marker-list' },
    h('summary', {}, `The ${markers.length} events on the map as a list`),
    h('ul', {}, ...markers.map((m) => h('li', {}, h('a', { href: eventPath(m.id) }, tooltipText(m))))),
  );
}

/**
 * Measurements as evidence: geodesic areas of drawn or uploaded outlines, their comparison with
 * the areas and shares that claims state, and change maps between two co-registered GeoTIFFs.
 */
export {
  type ChangeMap,
  type ChangeMapOptions,
  type ChangeMapResult,
  type ChangeProblem,
  type ChangeRegion,
  changeMap,
  DEFAULT_CHANGE_OPTIONS,
} from './change-map.js';
export { type ClaimedMeasure, claimedMeasuresOf, type StatedQuantity } from './claimed-measures.js';
export {
  type ClaimQuantities,
  type CompareOptions,
  compareWithClaims,
  DEFAULT_COMPARE_OPTIONS,
  formatM2,
  type MeasuredArea,
} from './compare-with-claims.js';
export { type GeoGrid, type GridProblem, readGeoGrid } from './geo-grid.js';
export { SUPPORTED_CRS } from './grid-crs.js';
export {
  DEFAULT_POLYGON_LIMITS,
  type MeasureProblem,
  type MeasureResult,
  measurePolygon,
  type PolygonMeasurement,
} from './polygon-area.js';

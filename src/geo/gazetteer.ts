/** Place lookup used by the places stage. Implemented by the geo work. */
export interface Gazetteer {
  readonly name: string;
}

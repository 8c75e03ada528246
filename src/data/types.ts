/** One published figure, as in data/observations-as-of-2021-07.csv. */
export interface Observation {
  /** Series id, e.g. `g5_handset_connections`. */
  readonly series: string;
  /** End of the period the figure describes, ISO `YYYY-MM-DD`. */
  readonly date: string;
  /** Value in base units (persons, stations, GB), never 万 or 亿. */
  readonly value: number;
  readonly unit: string;
  /** `reported` = stated in the source; `derived` = simple arithmetic on reported figures. */
  readonly basis: 'reported' | 'derived';
  readonly source: string;
}

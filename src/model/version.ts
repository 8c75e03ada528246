/** Version of the model's equations: bump when a change alters any result for the same scenario and seed. */
export const MODEL_VERSION = '1.1.0';
/** Version of the shipped reference data (data/): the month of the latest figures it holds (data/observations-2019-2024.csv). */
export const DATA_VERSION = '2024-10';

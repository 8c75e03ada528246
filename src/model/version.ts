/** Version of the model's equations: bump when a change alters any result for the same scenario and seed. */
export const MODEL_VERSION = '1.1.0';
/** Version of the shipped reference data (data/): the date of the latest information it holds. */
export const DATA_VERSION = '2021-07';

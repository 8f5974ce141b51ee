import { EXAMPLE_SUMMARY, buildExampleRecords } from '../../shared/example';
import { buildGeneratedRecords, generatedSummary } from '../../shared/example/generate';
import type { PartnershipStore } from './store/partnershipStore';

/** The fictional Eastmere partnership, dated from the store's clock, into an empty store (first run, `quorum example`). */
export const loadExample = (store: PartnershipStore) => store.seed('example:load', EXAMPLE_SUMMARY, buildExampleRecords(store.clock.today()));

/** Years of a busy partnership (npm run gen, the soak and crash tests): not something a user runs. */
export const loadGenerated = (store: PartnershipStore, years: number, seed: number) =>
  store.seed('example:generate', generatedSummary(years, seed), buildGeneratedRecords(store.clock.today(), years, seed));

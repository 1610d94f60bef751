/**
 * .ci/run sets BLOCKPROP_REQUIRE_TIERS=1 (CI installs what both kernel tiers need): there a tier
 * that does not load fails its tests instead of skipping them.
 */
export const tiersRequired: boolean = process.env['BLOCKPROP_REQUIRE_TIERS'] === '1';

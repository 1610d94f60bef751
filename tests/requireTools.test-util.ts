/**
 * What CI requires instead of letting a test skip. .ci/run installs everything both kernel tiers,
 * python3 and clang/lld need, then sets BLOCKPROP_REQUIRE_TIERS=1 (a kernel tier that does not load
 * fails its tests) and BLOCKPROP_REQUIRE_TOOLS=1 (a test that needs python3 or clang fails when it
 * is missing). Elsewhere such tests skip and say why.
 */
export const tiersRequired: boolean = process.env['BLOCKPROP_REQUIRE_TIERS'] === '1';
export const toolsRequired: boolean = process.env['BLOCKPROP_REQUIRE_TOOLS'] === '1';

/** For it.skipIf: skip only where the tool is missing (`problem` says how) and nobody requires it. */
export function skipWithout(problem: string | null): boolean {
  return problem !== null && !toolsRequired;
}

/** First line of a test that needs a tool: fails with the reason where it is required but missing. */
export function needTool(problem: string | null): void {
  if (problem !== null) throw new Error(`${problem}, and BLOCKPROP_REQUIRE_TOOLS=1 requires it`);
}

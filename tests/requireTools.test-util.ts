/**
 * .ci/run installs python3 and clang/lld and sets BLOCKPROP_REQUIRE_TOOLS=1: there a test that needs
 * one of them fails when it is missing instead of skipping. Elsewhere such a test skips and says why.
 */
export const toolsRequired: boolean = process.env['BLOCKPROP_REQUIRE_TOOLS'] === '1';

/** For it.skipIf: skip only where the tool is missing (`problem` says how) and nobody requires it. */
export function skipWithout(problem: string | null): boolean {
  return problem !== null && !toolsRequired;
}

/** First line of a test that needs a tool: fails with the reason where it is required but missing. */
export function needTool(problem: string | null): void {
  if (problem !== null) throw new Error(`${problem}, and BLOCKPROP_REQUIRE_TOOLS=1 requires it`);
}

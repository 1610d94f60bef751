export declare const external: readonly string[];
export interface NodeEntry {
  readonly in: string;
  readonly out: string;
}
export declare const nodeEntries: readonly NodeEntry[];
export declare function buildNodeBundle(root: string, entry: NodeEntry): Promise<void>;

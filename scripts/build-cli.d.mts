export const CLI_OUT_DIR: string;
export const CLI_CURRENT: string;
export function buildCli(): Promise<string>;

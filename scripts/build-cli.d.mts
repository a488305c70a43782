export const CLI_OUT_DIR: string;
export const CLI_INPUTS: string;
export function buildCli(): Promise<void>;

/** What a command reads and writes, so tests run the commands in process. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The environment the settings come from (default: the process's). */
  env?: NodeJS.ProcessEnv;
  /** The whole of stdin (default: the process's). */
  readStdin?: () => Promise<string>;
}

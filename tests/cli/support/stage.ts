import { IscEmulator } from "../../../emulator";
import { CliProject } from "./project";
import { pulumiBinDir } from "./toolchain";

/**
 * Mocha hooks of a real-CLI suite: the CLI obtained first (minutes when it must be built), an emulator started and
 * handed to `setUp`; afterwards every project's processes and directories removed and the emulator stopped.
 */
export function onCliStage(setUp: (emulator: IscEmulator) => Promise<void> | void): void {
  let emulator: IscEmulator | undefined;
  before(async function () {
    this.timeout(1_800_000);
    pulumiBinDir();
    emulator = await IscEmulator.start();
    await setUp(emulator);
  });
  after(async () => {
    await CliProject.removeAll();
    await emulator?.stop();
  });
}

import { IscEmulator, type EmulatorOptions } from "../../emulator";
import { ProviderHost, sailpointConfig } from "../harness/host";

export interface Stage {
  emulator: IscEmulator;
  host: ProviderHost;
}

/**
 * Mocha hooks for a suite that drives the real provider host against the emulator: one of each, the host configured
 * with the emulator's URL and credentials, handed to `use` once started; faults and the request log are cleared before
 * every test, and both are stopped after the suite.
 */
export function onEmulatorAndHost(use: (stage: Stage) => void, options?: EmulatorOptions): void {
  let emulator: IscEmulator | undefined;
  before(async () => {
    emulator = await IscEmulator.start(options);
    const host = await ProviderHost.start();
    await host.configure(sailpointConfig(emulator));
    use({ emulator, host });
  });
  after(async () => {
    await ProviderHost.stopAll();
    await emulator?.stop();
  });
  beforeEach(() => {
    emulator?.clearFaults();
    emulator?.clearRequests();
  });
}

/**
 * Runs a bench script's main and then ends the process, so that a CPU profile is written: the app's modules
 * keep it alive otherwise (the change announcer's pool).
 */
export function runThenExit(main: () => Promise<void>): void {
  main()
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    })
    .finally(() => process.exit());
}

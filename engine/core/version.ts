/** Written into every log header; kept equal to package.json's version by a unit test. */
/**
 * The minor number changes whenever the market model resolves rounds differently (0.2: the
 * lessons rework of issue 14; 0.3: the contested negotiation of issue 15; 0.4: entrenched conflict and split orders; 0.5: the reference follows the scenario's renewal window and outcomes record the long tail's orders); logs from another model release verify their chain but are not
 * re-run (kinds.ts).
 */
export const ENGINE_VERSION = '0.5.0';

export interface DemoRefs {
  upps: Map<string, string>;
  users: Map<string, string>;
}

/** Seeds one live and one asynchronous forum with some inputs. */
export async function seedDemoForums(_refs: DemoRefs): Promise<void> {
  // Filled in with the forums domain.
}

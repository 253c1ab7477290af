import { errorMessage } from './api';

/** One form's submission: busy while it runs, then a success message or the API's error. */
export class FormAction {
  busy = $state(false);
  error = $state<string | null>(null);
  ok = $state<string | null>(null);

  /** Runs `task`; the text it returns becomes the success message, a thrown error the error. */
  async run(task: () => Promise<string | undefined | void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    this.ok = null;
    try {
      this.ok = (await task()) ?? null;
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }
}

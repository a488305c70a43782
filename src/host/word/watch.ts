/**
 * Keeping up with the user's edits: content control events (WordApi 1.5) tell the task pane when a
 * passage's text changed, when a passage was deleted, and when a control was added (e.g. pasted),
 * so it can refresh instead of polling. Where Word lacks the events, `supported` is false and the
 * caller falls back to refreshing on its own actions.
 */
import { toUserError } from './errors';
import { isPassageControl } from './snapshot';
import { resolveRuntime, supports } from './types';
import type { WordHostOptions } from './types';

export interface PassageChange {
  kind: 'changed' | 'deleted' | 'added';
  /** Word's content control ids (`ContentControl.id`) the event is about. */
  controlIds: number[];
}

export interface PassageWatch {
  supported: boolean;
  /** Removes every handler this watch added (one sync). */
  unsubscribe(): Promise<void>;
}

type Registration = OfficeExtension.EventHandlerResult<unknown>;

/**
 * Subscribes `onChange` to the passage controls present now (data changed, deleted) and to the
 * document's "control added" event, in 2 syncs. Controls added later are announced ('added') but
 * not watched themselves: the caller refreshes and watches again, which also picks them up.
 */
export async function watchPassages(onChange: (change: PassageChange) => void, options: WordHostOptions = {}): Promise<PassageWatch> {
  const { run, office } = resolveRuntime(options);
  if (!supports(office, 'WordApi', '1.5')) return { supported: false, unsubscribe: async () => undefined };

  const notify = (kind: PassageChange['kind']) => async (args: { ids?: number[] }) => {
    try {
      onChange({ kind, controlIds: [...(args.ids ?? [])] });
    } catch {
      // A failing listener must not break Word's event dispatch.
    }
  };

  let registrations: Registration[];
  try {
    registrations = await run(async (context) => {
      const controls = context.document.body.contentControls.load('items/id,items/tag,items/title');
      await context.sync();
      const added: Registration[] = [];
      for (const control of controls.items) {
        if (!isPassageControl(control.tag || null, control.title)) continue;
        added.push(control.onDataChanged.add(notify('changed')) as Registration);
        added.push(control.onDeleted.add(notify('deleted')) as Registration);
      }
      added.push(context.document.onContentControlAdded.add(notify('added')) as Registration);
      await context.sync();
      return added;
    });
  } catch (error) {
    throw toUserError(error, { feature: 'WordApi 1.5 content control events' });
  }

  let active = true;
  return {
    supported: true,
    async unsubscribe() {
      if (!active) return;
      active = false;
      // Handlers live in the context they were added in; removing them is queued and synced there
      // (one context for all of them, so one sync).
      const contexts = new Set<OfficeExtension.ClientRequestContext>();
      for (const registration of registrations) {
        registration.remove();
        contexts.add(registration.context);
      }
      try {
        for (const context of contexts) await context.sync();
      } catch {
        // A control deleted meanwhile can fail the whole batch, and Word drops the removals queued
        // after it. Clean-up only: remove the rest one by one, ignoring the ones that are gone.
        for (const registration of registrations) {
          registration.remove();
          await registration.context.sync().catch(() => undefined);
        }
      }
    },
  };
}

import type { ConvContext } from "../context.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";

export type StepMove = "next" | "back" | "repeat";

/**
 * Asks the steps in order: "next" goes on, "back" returns to the previous question, "repeat" asks
 * again; a step `skip` says does not apply now is passed over either way. Back from the first
 * question leaves for the menu: then the result is null.
 */
export async function runSteps<S>(
  first: ConvContext,
  steps: readonly S[],
  ask: (ctx: ConvContext, step: S) => Promise<unknown>,
  answer: (step: S) => Promise<[ConvContext, StepMove]>,
  skip: (step: S) => boolean = () => false,
): Promise<ConvContext | null> {
  let current = first;
  for (let index = 0; index < steps.length; ) {
    await ask(current, steps[index]!);
    const [next, move] = await answer(steps[index]!);
    current = next;
    const step = move === "back" ? -1 : move === "next" ? 1 : 0;
    let to = index + step;
    while (step !== 0 && to >= 0 && to < steps.length && skip(steps[to]!)) to += step;
    if (to < 0) {
      await current.reply(current.t("cancel.done"), { reply_markup: mainMenuKeyboard(current.t, current.account) });
      return null;
    }
    index = to;
  }
  return current;
}

import type { ConvContext } from "../context.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";

export type StepMove = "next" | "back" | "repeat";

/**
 * Asks the steps in order: "next" goes on, "back" returns to the previous question, "repeat" asks
 * again. Back from the first question leaves for the menu: then the result is null.
 */
export async function runSteps<S>(
  first: ConvContext,
  steps: readonly S[],
  ask: (ctx: ConvContext, step: S) => Promise<unknown>,
  answer: (step: S) => Promise<[ConvContext, StepMove]>,
): Promise<ConvContext | null> {
  let current = first;
  for (let index = 0; index < steps.length; ) {
    await ask(current, steps[index]!);
    const [next, move] = await answer(steps[index]!);
    current = next;
    if (move === "back" && index === 0) {
      await current.reply(current.t("cancel.done"), { reply_markup: mainMenuKeyboard(current.t, current.account) });
      return null;
    }
    if (move === "back") index--;
    if (move === "next") index++;
  }
  return current;
}

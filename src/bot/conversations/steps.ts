// The one way questions are asked in a conversation: steps are data (what to ask, how an answer
// reads), and the engine moves between them the same way everywhere — "back" to the previous
// question (or where the step says), "repeat" asks again, "wait" keeps the question on screen
// (a button that changed it in place), "goto" jumps, "leave" ends with a reason.
import type { ConvContext } from "../context.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";

export type StepMove<S = never> = "next" | "back" | "repeat" | "wait" | { goto: S } | { leave: string };

export interface StepsOptions<S> {
  first: ConvContext;
  steps: readonly S[];
  /** Where to begin (the first step unless told). */
  start?: S;
  ask: (ctx: ConvContext, step: S) => Promise<unknown>;
  /** Waits for the answer to `step` (asked on `ctx`) and reads it. */
  answer: (step: S, ctx: ConvContext) => Promise<[ConvContext, StepMove<S>]>;
  /** A step that does not apply now is passed over, going forward or back. */
  skip?: (step: S) => boolean;
  /** Where "back" from a step leads, when not to the step before it. */
  backTo?: (step: S) => S | undefined;
  /** The steps the walk may visit (all unless told): going back past the first of them, or forward past the last, ends it. */
  within?: readonly S[];
}

/** How the walk ended: every step answered, back from the first, or a step's "leave". */
export type StepsEnd = { ctx: ConvContext; end: "done" | "back" } | { ctx: ConvContext; end: "leave"; reason: string };

export async function walkSteps<S>(options: StepsOptions<S>): Promise<StepsEnd> {
  const { steps, ask, answer } = options;
  const skip = options.skip ?? (() => false);
  const within = options.within ?? steps;
  const inside = (index: number) => index >= 0 && index < steps.length && within.includes(steps[index]!);
  let current = options.first;
  let index = options.start === undefined ? steps.indexOf(within[0]!) : steps.indexOf(options.start);
  let asked = false;
  while (inside(index)) {
    const step = steps[index]!;
    if (!asked) await ask(current, step);
    const [next, move] = await answer(step, current);
    current = next;
    asked = move === "wait";
    if (move === "wait" || move === "repeat") continue;
    if (typeof move === "object" && "leave" in move) return { ctx: current, end: "leave", reason: move.leave };
    if (typeof move === "object") {
      index = steps.indexOf(move.goto);
      continue;
    }
    const direction = move === "back" ? -1 : 1;
    const jump = move === "back" ? options.backTo?.(step) : undefined;
    let to = jump === undefined ? index + direction : steps.indexOf(jump);
    while (to >= 0 && to < steps.length && skip(steps[to]!)) to += direction;
    if (move === "back" && !inside(to)) return { ctx: current, end: "back" };
    index = to;
  }
  return { ctx: current, end: "done" };
}

/**
 * The steps in order for a simple form (the loan checks): back from the first question leaves for
 * the menu, and the result is then null.
 */
export async function runSteps<S>(
  first: ConvContext,
  steps: readonly S[],
  ask: (ctx: ConvContext, step: S) => Promise<unknown>,
  answer: (step: S) => Promise<[ConvContext, StepMove<S>]>,
  skip: (step: S) => boolean = () => false,
): Promise<ConvContext | null> {
  const walked = await walkSteps({ first, steps, ask, answer: (step) => answer(step), skip });
  if (walked.end === "done") return walked.ctx;
  await walked.ctx.reply(walked.ctx.t("cancel.done"), {
    reply_markup: mainMenuKeyboard(walked.ctx.t, walked.ctx.account),
  });
  return null;
}

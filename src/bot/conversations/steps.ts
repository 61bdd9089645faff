// Registration's walk between its steps. Registration is entered at any step (editing one field of
// a profile walks only that field: `within`), skips steps that do not apply to the person, jumps
// ("goto") and goes back to a step of its choosing (`backTo`): a graph the plugin's checkpoints do
// not give by themselves, since a rewind only returns to where the code already passed. Each step's
// answer is read with the plugin's own fields (answer.ts).
import type { ConvContext } from "../context.js";

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

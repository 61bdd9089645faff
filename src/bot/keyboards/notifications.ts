// The buttons under notifications: the projects a reminder or a match speaks of, one per row.
import { InlineKeyboard } from "grammy";
import { projectsData } from "../callback-data/projects.js";
import { staffData } from "../callback-data/staff.js";

/** Each project without the month's figures opens the figures' form. */
export function missingFiguresKeyboard(projects: Array<{ id: number; label: string }>, monthKey: string) {
  const keyboard = new InlineKeyboard();
  for (const project of projects) keyboard.text(project.label, staffData.figures(project.id, monthKey)).row();
  return keyboard;
}

/** Each new project opens its card. */
export function projectCardsKeyboard(projects: Array<{ id: number; label: string }>) {
  const keyboard = new InlineKeyboard();
  for (const project of projects) keyboard.text(project.label, projectsData.card(project.id, "-")).row();
  return keyboard;
}

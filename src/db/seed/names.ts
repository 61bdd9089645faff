// Words the demo generator builds project and contractor names from.
import type { ObjectGroup, WorkKind } from "../../generated/prisma/enums.js";

export interface ObjectTemplate {
  group: ObjectGroup;
  kk: string;
  ru: string;
  numbered?: boolean;
}

export const OBJECTS: readonly ObjectTemplate[] = [
  { group: "social", kk: "Орта мектеп", ru: "Средняя школа", numbered: true },
  { group: "social", kk: "Балабақша", ru: "Детский сад", numbered: true },
  { group: "social", kk: "Емхана", ru: "Поликлиника", numbered: true },
  { group: "social", kk: "Аудандық аурухана", ru: "Районная больница" },
  { group: "social", kk: "Мәдениет үйі", ru: "Дом культуры" },
  { group: "social", kk: "Спорт кешені", ru: "Спортивный комплекс" },
  { group: "social", kk: "Фельдшерлік-акушерлік пункт", ru: "Фельдшерско-акушерский пункт", numbered: true },
  { group: "social", kk: "Кітапхана", ru: "Библиотека", numbered: true },
  { group: "utilities", kk: "Су құбыры желілері", ru: "Водопроводные сети" },
  { group: "utilities", kk: "Кәріз желілері", ru: "Канализационные сети" },
  { group: "utilities", kk: "Газ тарату желілері", ru: "Газораспределительные сети" },
  { group: "utilities", kk: "Жылу желілері", ru: "Тепловые сети" },
  { group: "utilities", kk: "Электр желілері", ru: "Электрические сети" },
  { group: "utilities", kk: "Кенттік көшелер", ru: "Улицы населённого пункта" },
  { group: "utilities", kk: "Аудандық маңызы бар автожол", ru: "Автодорога районного значения" },
  { group: "utilities", kk: "Жаяу жүргіншілер жолдары", ru: "Тротуары" },
  { group: "water_works", kk: "Суару каналы", ru: "Оросительный канал" },
  { group: "water_works", kk: "Бөгет", ru: "Плотина" },
  { group: "water_works", kk: "Көпір", ru: "Мост" },
  { group: "water_works", kk: "Қорғаныс дамбасы", ru: "Защитная дамба" },
  { group: "housing", kk: "Көппәтерлі тұрғын үй", ru: "Многоквартирный жилой дом", numbered: true },
  { group: "housing", kk: "Жатақхана", ru: "Общежитие", numbered: true },
  { group: "housing", kk: "Әкімшілік ғимарат", ru: "Административное здание" },
  { group: "improvement", kk: "Аула аумақтары", ru: "Дворовые территории" },
  { group: "improvement", kk: "Саябақ", ru: "Парк" },
  { group: "improvement", kk: "Көше жарығы", ru: "Уличное освещение" },
];

export const WORK_KIND_NAMES: Record<WorkKind, { kk: string; ru: string }> = {
  construction: { kk: "жаңа құрылыс", ru: "новое строительство" },
  capital_repair: { kk: "күрделі жөндеу", ru: "капитальный ремонт" },
  medium_repair: { kk: "орташа жөндеу", ru: "средний ремонт" },
  current_repair: { kk: "ағымдағы жөндеу", ru: "текущий ремонт" },
  reconstruction: { kk: "реконструкция", ru: "реконструкция" },
  modular: { kk: "жылдам тұрғызылатын ғимарат", ru: "быстровозводимое здание" },
  temporary: { kk: "уақытша құрылыс", ru: "временное сооружение" },
};

/** Kinds of work weighted by the 2020 budget: construction 373, capital repair 182, current and medium repair 308, reconstruction 127 bn ₸. */
export const WORK_KIND_WEIGHTS: ReadonlyArray<[WorkKind, number]> = [
  ["construction", 330],
  ["modular", 25],
  ["temporary", 18],
  ["capital_repair", 182],
  ["medium_repair", 150],
  ["current_repair", 158],
  ["reconstruction", 127],
];

const FIRST = [
  "Алтын",
  "Береке",
  "Жол",
  "Нұр",
  "Құрылыс",
  "Дала",
  "Сарыарқа",
  "Жетісу",
  "Ақ",
  "Тұран",
  "Бірлік",
  "Қазына",
  "Ұлы",
  "Самұрық",
  "Сәулет",
];
const SECOND = [
  "Құрылыс",
  "Строй",
  "Инжиниринг",
  "Монтаж",
  "Сервис",
  "Жөндеу",
  "Стройгрупп",
  "Курылыс-Инвест",
  "Архитектура",
  "Трейд",
];
const FORMS = ["ТОО", "ТОО", "ТОО", "ИП", "АО"];

export function contractorName(index: number): string {
  const first = FIRST[index % FIRST.length];
  const second = SECOND[Math.floor(index / FIRST.length) % SECOND.length];
  const series = Math.floor(index / (FIRST.length * SECOND.length));
  const form = FORMS[index % FORMS.length];
  return `${form} «${first}${second}${series ? ` ${series + 1}` : ""}»`;
}

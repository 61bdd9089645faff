// The regional lenders of Direction 2 (002: "АШҚҚҚ" АҚ / АО «ФФПСХ» and "АКК" АҚ / АО «АКК»)
// and the documents a lender usually asks for. Where each lender has a branch is not in our
// sources, so each region points to the lender's site until an operator fills `branches`
// (region KATO → contact line).
export interface Lender {
  code: string;
  nameKk: string;
  nameRu: string;
  website: string;
  branches: Record<string, { kk: string; ru: string }>;
}

export const LENDERS: readonly Lender[] = [
  {
    code: "ffpsh",
    nameKk: "«Ауыл шаруашылығын қаржылай қолдау қоры» АҚ (АШҚҚҚ)",
    nameRu: "АО «Фонд финансовой поддержки сельского хозяйства» (ФФПСХ)",
    website: "https://fagri.kz",
    branches: {},
  },
  {
    code: "akk",
    nameKk: "«Аграрлық кредиттік корпорация» АҚ (АКК)",
    nameRu: "АО «Аграрная кредитная корпорация» (АКК)",
    website: "https://agrocredit.kz",
    branches: {},
  },
];

export const LENDER_DOCUMENTS: ReadonlyArray<{ kk: string; ru: string }> = [
  { kk: "жеке басын куәландыратын құжат", ru: "документ, удостоверяющий личность" },
  {
    kk: "мемлекеттік тіркеу туралы анықтама немесе дара кәсіпкер ретінде қызметті бастағаны туралы хабарлама",
    ru: "справка о государственной регистрации или уведомление о начале деятельности в качестве ИП",
  },
  { kk: "бизнес-жоспар (жаңа жұмыс орындарының саны көрсетілген)", ru: "бизнес-план (с числом новых рабочих мест)" },
  {
    kk: "соңғы кезеңдегі қаржылық есептілік немесе салық декларациялары",
    ru: "финансовая отчётность или налоговые декларации за последний период",
  },
  { kk: "салық берешегінің жоқтығы туралы анықтама", ru: "справка об отсутствии налоговой задолженности" },
  { kk: "кепіл мүлкі бойынша құжаттар", ru: "документы по залоговому имуществу" },
  { kk: "қызмет түріне лицензия қажет болса — лицензия", ru: "лицензия, если она нужна для вида деятельности" },
];

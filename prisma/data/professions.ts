// Trades on the programme's construction and repair sites. `light` marks work that is not
// heavy in the Labour Code's sense, the only work a minor (16–17) may be referred to.
export interface ProfessionSeed {
  code: string;
  kk: string;
  ru: string;
  light?: boolean;
}

export const PROFESSIONS: readonly ProfessionSeed[] = [
  { code: "labourer", kk: "Көмекші жұмысшы", ru: "Подсобный рабочий" },
  { code: "mason", kk: "Тас қалаушы", ru: "Каменщик" },
  { code: "concrete_worker", kk: "Бетоншы", ru: "Бетонщик" },
  { code: "rebar_worker", kk: "Арматурашы", ru: "Арматурщик" },
  { code: "welder", kk: "Электргазбен дәнекерлеуші", ru: "Электрогазосварщик" },
  { code: "electrician", kk: "Электр монтаждаушы", ru: "Электромонтажник" },
  { code: "plumber", kk: "Сантехник", ru: "Сантехник" },
  { code: "painter", kk: "Бояушы", ru: "Маляр" },
  { code: "plasterer", kk: "Сылақшы", ru: "Штукатур" },
  { code: "roofer", kk: "Шатыр жабушы", ru: "Кровельщик" },
  { code: "carpenter", kk: "Ағаш ұстасы", ru: "Плотник" },
  { code: "joiner", kk: "Столяр", ru: "Столяр" },
  { code: "tiler", kk: "Қаптаушы-плиткашы", ru: "Облицовщик-плиточник" },
  { code: "driver", kk: "Жүргізуші", ru: "Водитель" },
  { code: "excavator_operator", kk: "Экскаватор машинисі", ru: "Машинист экскаватора" },
  { code: "crane_operator", kk: "Кран машинисі", ru: "Машинист крана" },
  { code: "bulldozer_operator", kk: "Бульдозер машинисі", ru: "Машинист бульдозера" },
  { code: "loader_operator", kk: "Тиегіш машинисі", ru: "Машинист погрузчика" },
  { code: "roller_operator", kk: "Жол тығыздағыш машинисі", ru: "Машинист катка" },
  { code: "grader_operator", kk: "Автогрейдер машинисі", ru: "Машинист автогрейдера" },
  { code: "asphalt_worker", kk: "Асфальт-бетоншы", ru: "Асфальтобетонщик" },
  { code: "road_worker", kk: "Жол жұмысшысы", ru: "Дорожный рабочий" },
  { code: "installer", kk: "Құрастырушы", ru: "Монтажник" },
  { code: "steel_fixer", kk: "Болат конструкцияларын құрастырушы", ru: "Монтажник стальных конструкций" },
  { code: "pipe_layer", kk: "Құбыр төсеуші", ru: "Трубоукладчик" },
  { code: "gas_fitter", kk: "Газ жабдықтарын құрастырушы", ru: "Монтажник газового оборудования" },
  { code: "heating_fitter", kk: "Жылу жүйелерін құрастырушы", ru: "Монтажник систем отопления" },
  { code: "ventilation_fitter", kk: "Желдету жүйелерін құрастырушы", ru: "Монтажник вентиляции" },
  { code: "insulation_worker", kk: "Оқшаулаушы", ru: "Изолировщик" },
  { code: "glazier", kk: "Әйнекші", ru: "Стекольщик" },
  { code: "floor_layer", kk: "Еден төсеуші", ru: "Укладчик напольных покрытий" },
  { code: "facade_worker", kk: "Қасбет жұмыстарының шебері", ru: "Фасадчик" },
  { code: "scaffolder", kk: "Құрылыс орманын құрастырушы", ru: "Монтажник лесов" },
  { code: "slinger", kk: "Ілмекші", ru: "Стропальщик" },
  { code: "surveyor", kk: "Геодезист", ru: "Геодезист" },
  { code: "site_foreman", kk: "Прораб", ru: "Прораб" },
  { code: "site_master", kk: "Құрылыс шебері", ru: "Мастер строительного участка" },
  { code: "estimator", kk: "Сметашы", ru: "Сметчик", light: true },
  { code: "storekeeper", kk: "Қоймашы", ru: "Кладовщик", light: true },
  { code: "watchman", kk: "Күзетші", ru: "Сторож", light: true },
  { code: "cleaner", kk: "Аумақ тазалаушы", ru: "Уборщик территории", light: true },
  { code: "gardener", kk: "Көгалдандыру жұмысшысы", ru: "Рабочий по озеленению", light: true },
  { code: "mechanic", kk: "Слесарь-жөндеуші", ru: "Слесарь-ремонтник" },
  { code: "electric_lineman", kk: "Электр желілерінің электр монтері", ru: "Электромонтёр линейных сооружений" },
  { code: "well_driller", kk: "Бұрғылаушы", ru: "Бурильщик" },
  { code: "cook", kk: "Аспазшы", ru: "Повар", light: true },
];

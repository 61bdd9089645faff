// KATO codes of the districts the tests put things in.
export const ALMALY = "751110000"; // Almaty city, Алмалинский район
export const ALATAU = "751210000"; // Almaty city, Алатауский район
export const BOSTANDYK = "751410000"; // Almaty city, Бостандыкский район
export const ZHETYSU = "751510000"; // Almaty city, Жетысуский район
export const MEDEU = "751710000"; // Almaty city, Медеуский район
export const KYZYLORDA_CITY = "431000000"; // Kyzylorda region, город Кызылорда

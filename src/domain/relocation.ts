// 002, hiring: labour from another settlement, where the district lacks it, with the employment
// centre's written consent; the contractor then pays a one-off relocation allowance (rules.ts).
// The bot knows districts, not villages: the districts of a city of republican significance
// (Almaty, Astana, Shymkent) are one settlement; any other two districts are two.

export interface Place {
  id: number;
  regionId: number;
  kind: "district" | "city" | "city_district";
}

/** True when someone living in `home` who works at a project in `site` comes from another settlement. */
export function fromAnotherSettlement(home: Place, site: Place): boolean {
  if (home.id === site.id) return false;
  return !(home.kind === "city_district" && site.kind === "city_district" && home.regionId === site.regionId);
}

import { describe, expect, it } from "vitest";
import { fromAnotherSettlement, type Place } from "../../src/domain/relocation.js";

const almaly: Place = { id: 1, regionId: 10, kind: "city_district" };
const medeu: Place = { id: 2, regionId: 10, kind: "city_district" };
const astanaDistrict: Place = { id: 3, regionId: 11, kind: "city_district" };
const kyzylordaCity: Place = { id: 4, regionId: 12, kind: "city" };
const shieli: Place = { id: 5, regionId: 12, kind: "district" };

describe("the relocation allowance's settlement (002)", () => {
  it("is not due within one district", () => expect(fromAnotherSettlement(shieli, shieli)).toBe(false));
  it("is not due between two districts of one city of republican significance", () =>
    expect(fromAnotherSettlement(almaly, medeu)).toBe(false));
  it("is due between two cities of republican significance", () =>
    expect(fromAnotherSettlement(astanaDistrict, medeu)).toBe(true));
  it("is due between a region's city and one of its districts", () =>
    expect(fromAnotherSettlement(shieli, kyzylordaCity)).toBe(true));
  it("is due from a region into a city", () => expect(fromAnotherSettlement(kyzylordaCity, almaly)).toBe(true));
});

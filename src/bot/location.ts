import type { Location } from "grammy/types";
import { z } from "zod";
import type { Point } from "../domain/geo.js";

/** Telegram gives six decimals (about 10 cm); more is noise, and a subnormal float underflows in PostgreSQL's trigonometry. */
const round6 = (degrees: number) => Math.round(degrees * 1e6) / 1e6 + 0; // + 0 turns -0 into 0

const sharedLocation = z.object({
  latitude: z.number().min(-90).max(90).transform(round6),
  longitude: z.number().min(-180).max(180).transform(round6),
});

/** A location a person shared, checked and rounded; null for anything else. */
export function pointOf(location: Location | undefined): Point | null {
  const parsed = sharedLocation.safeParse(location);
  return parsed.success ? { lat: parsed.data.latitude, lon: parsed.data.longitude } : null;
}
